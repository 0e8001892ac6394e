package ru.edu.decisions.service.mentoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.TestPropertySource;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.mentoring.MentoringRecords.MentorProfile;
import ru.edu.decisions.service.mentoring.MentoringRecords.MentoringPair;
import ru.edu.decisions.service.mentoring.MentoringRecords.MentoringRun;
import ru.edu.decisions.service.mentoring.MentoringRecords.PairStatus;
import ru.edu.decisions.service.registry.RegistryMember;
import ru.edu.decisions.service.registry.RegistryMemberRepository;
import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherRepository;

/** Mentor profiles, runs and pairs on the embedded default (H2, the same migrations): one confirmed mentor per teacher. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:mentoring;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH")
class MentoringPersistenceTest {

    @Autowired
    TeacherRepository teachers;
    @Autowired
    RegistryMemberRepository members;
    @Autowired
    MentorProfileRepository profiles;
    @Autowired
    MentoringRunRepository runs;
    @Autowired
    MentoringPairRepository pairs;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient sql;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aTeacherHasAtMostOneConfirmedMentorAndEndedPairsStayInTheHistory() {
        Teacher mentorTeacher = teacher();
        Teacher mentee = teacher();
        RegistryMember member = member(mentorTeacher);
        profiles.save(new MentorProfile(member.id(), null, "turochak", true, 2, "METHODICAL,SUBJECT", now, "metodist"));
        assertThat(profiles.findById(member.id()).orElseThrow().capacity()).isEqualTo(2);

        MentoringRun run = runs.save(new MentoringRun(Ids.newId(), null, "turochak", Ids.newId(), "2022.1+abc",
                LocalDate.of(2026, 11, 23), 1, 1, 0, "[]", now, "metodist"));
        MentoringPair first = pairs.save(pair(run, mentee, member)).confirmed(now, "metodist");
        pairs.save(first);
        MentoringPair second = pairs.save(pair(run, mentee, member));

        assertThatThrownBy(() -> pairs.save(second.confirmed(now, "metodist"))).isInstanceOf(DuplicateKeyException.class);
        pairs.save(pairs.findById(first.id()).orElseThrow().ended(now, "metodist", "учебный год завершён"));
        pairs.save(pairs.findById(second.id()).orElseThrow().confirmed(now, "metodist"));
        assertThat(pairs.findByRunId(run.id())).extracting(MentoringPair::status)
                .containsExactlyInAnyOrder(PairStatus.ENDED, PairStatus.CONFIRMED);
        assertThat(pairs.findByJurisdictionAndStatus("turochak", PairStatus.CONFIRMED)).hasSize(1);
    }

    @Test
    void aSupersededProposalStaysWithItsReasonAndTheConfirmationQueriesRunOnTheEmbeddedDatabase() {
        Teacher mentorTeacher = teacher();
        Teacher mentee = teacher();
        RegistryMember member = member(mentorTeacher);
        profiles.save(new MentorProfile(member.id(), null, "turochak", true, null, "METHODICAL", now, "metodist"));
        MentoringRun run = runs.save(new MentoringRun(Ids.newId(), null, "turochak", Ids.newId(), "2022.1+abc",
                LocalDate.of(2026, 11, 23), 1, 1, 0, "[]", now, "metodist"));
        MentoringPair proposed = pairs.save(pair(run, mentee, member));

        pairs.save(proposed.superseded(now, "metodist", "Предложение заменено новым распределением"));
        MentoringPair kept = pairs.findById(proposed.id()).orElseThrow();
        assertThat(kept.status()).isEqualTo(PairStatus.SUPERSEDED);
        assertThat(kept.endReason()).isEqualTo("Предложение заменено новым распределением");
        assertThat(kept.endedAt()).isEqualTo(now);
        assertThat(kept.activeMenteeId()).isNull();
        assertThat(pairs.findByRunId(run.id())).extracting(MentoringPair::id).containsExactly(proposed.id());

        // What a confirmation reads: the mentor's offer, locked, and how many pairs of theirs are confirmed.
        List<MentorProfile> locked = sql.sql("SELECT * FROM mentor_profile WHERE registry_member_id = ? FOR UPDATE")
                .param(member.id()).query(MentorProfile.class).list();
        assertThat(locked).singleElement().satisfies(p -> {
            assertThat(p.consent()).isTrue();
            assertThat(p.capacity()).isNull();
        });
        assertThat(pairs.countByMentorMemberIdAndStatus(member.id(), PairStatus.CONFIRMED)).isZero();
        pairs.save(pairs.save(pair(run, mentee, member)).confirmed(now, "metodist"));
        assertThat(pairs.countByMentorMemberIdAndStatus(member.id(), PairStatus.CONFIRMED)).isEqualTo(1);
    }

    private Teacher teacher() {
        return teachers.save(new Teacher(Ids.newId(), null, "turochak", null, "{}", "Турочакский район", null, null, now, now));
    }

    private MentoringPair pair(MentoringRun run, Teacher mentee, RegistryMember member) {
        return new MentoringPair(Ids.newId(), null, run.id(), "turochak", mentee.id(), member.id(), 15, "[]", PairStatus.PROPOSED,
                null, null, null, null, null, null);
    }

    /** An active registry member of Turochak for the teacher, with the nomination it rests on. */
    private RegistryMember member(Teacher teacher) {
        UUID candidate = Ids.newId();
        sql.sql("INSERT INTO candidate (id, version, teacher_id, jurisdiction, submitted_at, profile) VALUES (?, 0, ?, 'turochak', ?, '{}')")
                .params(candidate, teacher.id(), java.sql.Timestamp.from(now)).update();
        return members.save(new RegistryMember(Ids.newId(), null, "turochak", teacher.id(), candidate,
                Ids.newId(), teacher.id(), now, "metodist", null, null, null));
    }
}
