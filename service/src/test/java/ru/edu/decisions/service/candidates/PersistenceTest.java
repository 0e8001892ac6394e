package ru.edu.decisions.service.candidates;

import ru.edu.decisions.service.teachers.Teacher;
import ru.edu.decisions.service.teachers.TeacherRepository;
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
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.TestPropertySource;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.decisionlog.DecisionLog;
import ru.edu.decisions.service.decisionlog.DecisionLogProperties;
import ru.edu.decisions.service.decisionlog.DecisionLogTable;
import ru.edu.decisions.service.decisionlog.DecisionLogWriter;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.registry.RegistryMember;
import ru.edu.decisions.service.registry.RegistryMemberRepository;

/**
 * The aggregates and the decision log on the embedded default (H2 in PostgreSQL mode, the same Flyway migrations
 * as PostgreSQL): inserts, optimistic locking, the one-active-membership rule, JSON documents round-trip.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:persistence;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH")
@Import({DecisionLog.class, DecisionLogTable.class, DecisionLogWriter.class, JsonCodec.class, PersistenceTest.Json.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(DecisionLogProperties.class)
class PersistenceTest {

    static class Json {
        @org.springframework.context.annotation.Bean
        tools.jackson.databind.json.JsonMapper jsonMapper() {
            return tools.jackson.databind.json.JsonMapper.builder().build();
        }
    }

    @Autowired
    TeacherRepository teachers;
    @Autowired
    CandidateRepository candidates;
    @Autowired
    RegistryMemberRepository members;
    @Autowired
    DecisionLog log;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Teacher teacher() {
        return teachers.save(new Teacher(Ids.newId(), null, "ust-ishim", "ext-" + UUID.randomUUID(), "{\"fullName\":\"Иванова\"}", null, null, null, now, now));
    }

    @Test
    void newAggregateIsInsertedAndItsVersionAdvancesOnEachSave() {
        Teacher teacher = teacher();
        assertThat(teacher.version()).isZero();

        Teacher updated = teachers.save(teacher.withProfile("{\"fullName\":\"Иванова М.\"}", now));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(teachers.findByJurisdictionAndExternalId("ust-ishim", teacher.externalId())).get()
                .extracting(Teacher::profile).isEqualTo("{\"fullName\":\"Иванова М.\"}");
        assertThatThrownBy(() -> teachers.save(teacher.withProfile("{}", now)))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void candidateKeepsItsLatestDecision() {
        Teacher teacher = teacher();
        Candidate candidate = candidates.save(new Candidate(Ids.newId(), null, teacher.id(), "ust-ishim", "МБОУ «Аксёновская СОШ»",
                "п. 3.2 пп. 3", null, null, null, null, now, "metodist", "{\"fullName\":\"Иванова М.\"}", "иванова м.",
                "МБОУ «Аксёновская СОШ»", "мбоу «аксёновская сош»"));
        UUID decision = Ids.newId();

        candidates.save(candidate.withDecision(decision, Verdict.ELIGIBLE, "2023.1+abc", now));

        Candidate stored = candidates.findById(candidate.id()).orElseThrow();
        assertThat(stored.latestVerdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(stored.latestDecisionId()).isEqualTo(decision);
        assertThat(stored.profile()).isEqualTo("{\"fullName\":\"Иванова М.\"}");
        assertThat(candidates.findByJurisdiction("ust-ishim")).extracting(Candidate::id).contains(candidate.id());
    }

    @Test
    void aTeacherHasAtMostOneActiveMembershipButAnyNumberOfPastOnes() {
        Teacher teacher = teacher();
        Candidate candidate = candidates.save(new Candidate(Ids.newId(), null, teacher.id(), "ust-ishim", null, null,
                null, null, null, null, now, null, "{}", null, null, null));
        RegistryMember first = members.save(new RegistryMember(Ids.newId(), null, "ust-ishim", teacher.id(), candidate.id(),
                Ids.newId(), teacher.id(), now, "metodist", null, null, null));

        assertThatThrownBy(() -> members.save(new RegistryMember(Ids.newId(), null, "ust-ishim", teacher.id(), candidate.id(),
                Ids.newId(), teacher.id(), now, "metodist", null, null, null))).isInstanceOf(DuplicateKeyException.class);

        members.save(first.excluded(now, "metodist", "перевод"));
        RegistryMember second = members.save(new RegistryMember(Ids.newId(), null, "ust-ishim", teacher.id(), candidate.id(),
                Ids.newId(), teacher.id(), now, "metodist", null, null, null));
        assertThat(members.findByActiveTeacherId(teacher.id())).get().extracting(RegistryMember::id).isEqualTo(second.id());
        assertThat(members.findById(first.id())).get().satisfies(m -> {
            assertThat(m.active()).isFalse();
            assertThat(m.exclusionReason()).isEqualTo("перевод");
        });
    }

    @Test
    void decisionLogKeepsEveryFieldAndTheDocument() {
        UUID subject = Ids.newId();
        DecisionRecord record = new DecisionRecord(Ids.newId(), DecisionKind.ELIGIBILITY, DecisionRecord.Source.WORKFLOW,
                "turochak", "2022.1+xyz", LocalDate.of(2026, 11, 23), "INSUFFICIENT_DATA", List.of(),
                List.of(new Reason("turochak:III.1.1.1", ReasonStatus.UNKNOWN, "Не указано, есть ли стабильно высокие результаты")),
                "a".repeat(64), subject, now, "{\"verdict\":\"INSUFFICIENT_DATA\"}");

        log.appendAll(List.of(record));

        assertThat(log.find(record.id())).contains(record);
        assertThat(log.forSubject(subject)).containsExactly(record);
    }
}
