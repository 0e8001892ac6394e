package ru.edu.decisions.service.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.service.candidates.CandidateService;
import ru.edu.decisions.service.candidates.CandidateViews.Details;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.registry.RegistryViews.Member;
import ru.edu.decisions.service.registry.RegistryViews.Status;

/**
 * The candidate and registry workflow on the embedded default database (H2 in PostgreSQL mode, the same migrations
 * as PostgreSQL): submit, decide, include an eligible candidate, refuse the others saying why, exclude with a reason.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:registry-workflow;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "decisions.security.admin-password=embedded-test-password-123"})
class RegistryOnEmbeddedDatabaseTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Autowired
    CandidateService candidates;
    @Autowired
    RegistryService registry;

    static TeacherProfile teacher(String name, int years, List<Achievement> achievements) {
        return new TeacherProfile(null, name, null,
                List.of(new Education(EducationLevel.HIGHER, true, 2007, "Математика", "ОмГПУ")), List.of(),
                new Employment("МБОУ «Аксёновская СОШ»", OrganizationKind.SCHOOL, Position.TEACHER, "учитель математики",
                        true, QualificationCategory.FIRST, years, years, List.of("математика")),
                List.of(), achievements, List.of(), null, null, null, null);
    }

    static final List<Achievement> WINNER = List.of(new Achievement("Учитель года", Level.MUNICIPAL, AchievementResult.WINNER, 2024));

    @Test
    void anEligibleCandidateJoinsTheRegistryOnceAndLeavesItWithAReason() {
        Details candidate = candidates.submit("ust-ishim", AS_OF, teacher("Иванова Мария", 12, WINNER), "методист");
        assertThat(candidate.latestDecision().verdict()).isEqualTo(Verdict.ELIGIBLE);

        Member member = registry.include("ust-ishim", candidate.id(), "методист");
        assertThat(member.active()).isTrue();
        assertThat(member.fullName()).isEqualTo("Иванова Мария");
        assertThatThrownBy(() -> registry.include("ust-ishim", candidate.id(), "методист"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

        Member excluded = registry.exclude("ust-ishim", member.id(), "Перевод в другой район", "методист");
        assertThat(excluded.active()).isFalse();
        assertThat(registry.list("ust-ishim", Status.ALL, 0, 100).items()).extracting(Member::id).contains(member.id());
        assertThat(registry.list("ust-ishim", Status.ACTIVE, 0, 100).items()).extracting(Member::id).doesNotContain(member.id());
    }

    @Test
    void aCandidateWhoIsNotEligibleIsRefusedNamingTheUnmetRequirement() {
        Details candidate = candidates.submit("ust-ishim", AS_OF, teacher("Орлова Раиса", 3, WINNER), "методист");
        assertThat(candidate.latestDecision().verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);

        assertThatThrownBy(() -> registry.include("ust-ishim", candidate.id(), "методист"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getMessage()).contains("Не выполнены обязательные требования")
                            .contains("Стаж работы по специальности 3 года — требуется не менее 5")
                            .doesNotContain("ust-ishim:3.2.6");
                });
    }
}
