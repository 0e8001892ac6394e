package ru.edu.decisions.rules.mentoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.routes.ActivityType;
import ru.edu.decisions.model.routes.SchoolFlag;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.rules.engine.ShippedRuleBase;

/**
 * Who needs a mentor is the mentoring rules' decision (it was Java's): a teacher of a school with low results or in
 * difficult social conditions, a young specialist by the manifest's age and years on the date of the run, or one
 * with mentoring or tutoring in the active route — nobody else.
 */
class MenteeSelectionTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    @Test
    void aYoungSpecialistIsYoungerThanTheManifestsAgeWithAtMostItsYearsOnTheDateOfTheRun() throws IOException {
        MentoringRules turochak = ShippedRuleBase.get().jurisdiction("turochak").orElseThrow().decision(MentoringRules.class).orElseThrow();
        assertThat(needs(turochak, teacher(LocalDate.of(1991, 11, 24), 3))).isTrue();
        assertThat(needs(turochak, teacher(LocalDate.of(1991, 11, 23), 3))).as("35 today").isFalse();
        assertThat(needs(turochak, teacher(LocalDate.of(2000, 1, 1), 4))).isFalse();
        // Unknown age or experience: not a young specialist.
        assertThat(needs(turochak, teacher(null, 1))).isFalse();
        assertThat(needs(turochak, teacher(LocalDate.of(2000, 1, 1), null))).isFalse();

        // The manifest's numbers, whatever they are.
        MentoringRules thirtyTwo = withYoungSpecialist(30, 2);
        assertThat(needs(thirtyTwo, teacher(LocalDate.of(1994, 1, 1), 2))).isFalse();
        MentoringRules thirtyFive = withYoungSpecialist(30, 5);
        assertThat(needs(thirtyFive, teacher(LocalDate.of(2000, 1, 1), 5))).isTrue();
    }

    @Test
    void teachersOfFlaggedSchoolsAndThoseWithMentoringInTheirRouteNeedAMentorAndOthersDoNot() {
        MentoringRules rules = ShippedRuleBase.get().jurisdiction("ust-ishim").orElseThrow().decision(MentoringRules.class).orElseThrow();
        Mentee low = mentee("low", LocalDate.of(1970, 1, 1), 30, List.of(SchoolFlag.LOW_RESULTS));
        Mentee social = mentee("social", LocalDate.of(1970, 1, 1), 30, List.of(SchoolFlag.DIFFICULT_SOCIAL));
        Mentee routed = mentee("routed", LocalDate.of(1970, 1, 1), 30, null);
        Mentee other = mentee("other", LocalDate.of(1970, 1, 1), 30, List.of());
        assertThat(rules.needingMentor(List.of(other, routed, social, low), Map.of("routed", List.of(ActivityType.MENTORING)), AS_OF))
                .containsExactly("routed", "social", "low");
    }

    private static boolean needs(MentoringRules rules, Mentee mentee) {
        return rules.needingMentor(List.of(mentee), Map.of(), AS_OF).contains(mentee.id());
    }

    private static Mentee teacher(LocalDate birthDate, Integer years) {
        return mentee("t", birthDate, years, List.of());
    }

    private static Mentee mentee(String id, LocalDate birthDate, Integer years, List<SchoolFlag> flags) {
        return new Mentee(id, "Турочакский район", null, null, null, null, birthDate, years, flags);
    }

    /** Turochak's shipped mentoring rules with the young specialist's age and years changed in the manifest. */
    private MentoringRules withYoungSpecialist(int ageBelow, int maxYears) throws IOException {
        Path base = Files.createDirectories(dir.resolve(ageBelow + "-" + maxYears));
        Files.createDirectories(base.resolve("common"));
        Files.createDirectories(base.resolve("turochak"));
        try (var common = Files.list(Path.of("common"))) {
            for (Path file : common.filter(f -> f.getFileName().toString().startsWith("mentoring")
                    || f.getFileName().toString().equals("teacher-facts.drl")).toList()) {
                Files.copy(file, base.resolve("common").resolve(file.getFileName().toString()));
            }
        }
        Files.copy(Path.of("turochak/mentoring.drl"), base.resolve("turochak/mentoring.drl"));
        String manifest = Files.readString(Path.of("turochak/manifest.yaml"))
                .replaceFirst("(  youngSpecialistAgeBelow:\n    value: )\\d+", "$1" + ageBelow)
                .replaceFirst("(  youngSpecialistMaxYears:\n    value: )\\d+", "$1" + maxYears);
        assertThat(manifest).contains("value: " + ageBelow + "\n");
        Files.writeString(base.resolve("turochak/manifest.yaml"), manifest);
        return new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(RuleBaseSource.fromDirectory(base))
                .jurisdiction("turochak").orElseThrow().decision(MentoringRules.class).orElseThrow();
    }
}
