package ru.edu.decisions.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.FiredRule;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.ReasonStatus;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.rules.indicators.IndicatorFacts;
import ru.edu.decisions.rules.indicators.IndicatorRules;
import ru.edu.decisions.rules.indicators.Staff;
import ru.edu.decisions.rules.mentoring.MentoringOutcome;
import ru.edu.decisions.rules.mentoring.MentoringRules;
import ru.edu.decisions.rules.routes.RouteOutcome;
import ru.edu.decisions.rules.routes.RouteRules;

/**
 * The shared fact layer ({@code rules/common/teacher-facts.drl}, package {@code facts}) is compiled into every decision
 * kind's rule base: the young specialist is defined there once, and routes, mentoring and indicators all follow it.
 */
class SharedFactLayerTest {

    private static final String LAYER = "common/teacher-facts.drl";
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    /** 36 on the decision's date, 37 on the indicator period's end; two years of pedagogical experience. */
    private static final LocalDate BORN = LocalDate.of(1990, 3, 1);
    private static final int EXPERIENCE = 2;

    @TempDir
    Path dir;

    @Test
    void theYoungSpecialistsAgeAndExperienceAreReadByOneRuleFileOnly() throws IOException {
        List<String> readers;
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            readers = files.filter(f -> !f.startsWith("./src") && !f.startsWith("./target"))
                    .filter(f -> f.toString().endsWith(".drl") || f.toString().endsWith(".drl.csv"))
                    .filter(f -> {
                        String text = read(f);
                        return text.contains("\"youngSpecialistAgeBelow\"") || text.contains("\"youngSpecialistMaxYears\"");
                    })
                    .map(f -> Path.of(".").relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(readers).containsExactly(LAYER);
    }

    @Test
    void routesMentoringAndIndicatorsAllFollowAChangeOfTheSharedDefinition() throws IOException {
        JurisdictionRules shipped = compileKuznetsk(dir.resolve("shipped"), text -> text);
        // Only the shared file changes: its age test is five years above the manifest's limit (under 40).
        JurisdictionRules changed = compileKuznetsk(dir.resolve("changed"), text -> {
            String edited = text.replace("referenceDate ) < $age", "referenceDate ) < $age + 5")
                    .replace("referenceDate ) >= $age", "referenceDate ) >= $age + 5");
            assertThat(edited).isNotEqualTo(text);
            return edited;
        });
        assertThat(changed.version()).isNotEqualTo(shipped.version());

        String young = "Молодой специалист: возраст 36 лет, педагогический стаж 2 года";

        RouteOutcome before = route(shipped);
        RouteOutcome after = route(changed);
        assertThat(before.reasons()).contains(new Reason("YOUNG_SPECIALIST", ReasonStatus.NOT_MET,
                "Не молодой специалист: возраст 36 лет — молодым специалистом считается педагог моложе 35 лет"));
        assertThat(after.reasons()).contains(new Reason("YOUNG_SPECIALIST", ReasonStatus.MET, young));
        assertThat(after.trace()).extracting(FiredRule::rule)
                .contains("Молодой специалист: моложе установленного возраста и педагогический стаж не больше установленного")
                .doesNotContainAnyElementsOf(sharedRuleNames());
        assertThat(sharedRuleNames()).hasSize(5);

        Mentee mentee = new Mentee("t1", "Кузнецкий район", null, null, List.of("математика"), null, BORN, EXPERIENCE, null);
        MentoringRules mentoringBefore = decision(shipped, MentoringRules.class);
        MentoringRules mentoringAfter = decision(changed, MentoringRules.class);
        assertThat(mentoringBefore.needingMentor(List.of(mentee), Map.of(), AS_OF)).isEmpty();
        assertThat(mentoringAfter.needingMentor(List.of(mentee), Map.of(), AS_OF)).containsExactly("t1");
        MentoringOutcome unassigned = mentoringAfter.evaluate(List.of(), List.of(mentee), AS_OF);
        assertThat(unassigned.unassigned().get(0).reasons()).contains(new Reason("YOUNG_SPECIALIST", ReasonStatus.MET, young));

        IndicatorFacts staff = new IndicatorFacts(List.of(new Staff("y", "Школа", Position.TEACHER, BORN, EXPERIENCE, null)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        LocalDate from = LocalDate.of(2026, 9, 1);
        LocalDate to = LocalDate.of(2027, 5, 31);
        assertThat(decision(shipped, IndicatorRules.class).evaluate(staff, from, to).figure("kuznetsk:4.1.3.6")
                .orElseThrow().denominatorSubjects()).isEmpty();
        assertThat(decision(changed, IndicatorRules.class).evaluate(staff, from, to).figure("kuznetsk:4.1.3.6")
                .orElseThrow().denominatorSubjects()).containsExactly("y");
    }

    /**
     * Birth dates around the age limit (and none) crossed with experience around the limit (and none): routes find a
     * young specialist exactly for the teachers mentoring counts as young specialists and the indicators read as young,
     * on the same day (the decision's date is the indicator period's end).
     */
    @Test
    void routesMentoringAndIndicatorsSeeTheSameYoungSpecialists() {
        JurisdictionRules kuznetsk = ShippedRuleBase.get().jurisdiction("kuznetsk").orElseThrow();
        List<LocalDate> births = java.util.Arrays.asList(null, AS_OF.minusYears(35), AS_OF.minusYears(35).plusDays(1),
                AS_OF.minusYears(30), AS_OF.minusYears(50));
        List<Integer> experiences = java.util.Arrays.asList(null, 0, 3, 4, 20);
        List<Mentee> mentees = new java.util.ArrayList<>();
        List<Staff> staff = new java.util.ArrayList<>();
        Set<String> routesYoung = new java.util.TreeSet<>();
        int known = 0;
        for (int b = 0; b < births.size(); b++) {
            for (int x = 0; x < experiences.size(); x++) {
                String id = "t" + b + x;
                LocalDate born = births.get(b);
                Integer years = experiences.get(x);
                mentees.add(new Mentee(id, "Кузнецкий район", null, null, List.of("математика"), null, born, years, null));
                staff.add(new Staff(id, "Школа", Position.TEACHER, born, years, null));
                RouteOutcome route = route(kuznetsk, born, years);
                Reason reason = route.reasons().stream().filter(r -> r.code().equals("YOUNG_SPECIALIST")).findFirst().orElseThrow();
                if (reason.status() == ReasonStatus.MET) {
                    routesYoung.add(id);
                }
                if (reason.status() != ReasonStatus.UNKNOWN) {
                    known++;
                }
            }
        }
        Set<String> mentoringYoung = new java.util.TreeSet<>(decision(kuznetsk, MentoringRules.class)
                .needingMentor(mentees, Map.of(), AS_OF));
        Set<String> indicatorsYoung = decision(kuznetsk, IndicatorRules.class)
                .evaluate(new IndicatorFacts(staff, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                        List.of()), AS_OF.minusMonths(3), AS_OF)
                .figure("kuznetsk:4.1.3.6").orElseThrow().denominatorSubjects();

        // Young: 34 and 30 years old (births 2 and 3) with 0 or 3 years (experiences 1 and 2).
        assertThat(routesYoung).containsExactly("t21", "t22", "t31", "t32");
        assertThat(mentoringYoung).isEqualTo(routesYoung);
        assertThat(new java.util.TreeSet<>(indicatorsYoung)).isEqualTo(routesYoung);
        // Unknown (no birth date with experience within the limit or none; young by age with no experience): neither.
        assertThat(births.size() * experiences.size() - known).isEqualTo(5);
    }

    @Test
    void aRuleBaseWhoseRulesUseADerivedFactWithoutTheSharedLayerIsRefused() throws IOException {
        Path base = mentoringOnly(dir, false);

        assertThatThrownBy(() -> new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(RuleBaseSource.fromDirectory(base)))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("common/mentoring.drl");
                            assertThat(p.message()).contains("YoungSpecialist").contains("teacher-facts.drl");
                        }));
    }

    @Test
    void aSharedFileMustDeclareThePackageOfTheSharedLayer() throws IOException {
        Path base = mentoringOnly(dir, true);
        Path layer = base.resolve(LAYER);
        Files.writeString(layer, read(layer).replace("package facts;", "package mentoring;"));

        assertThatThrownBy(() -> new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(RuleBaseSource.fromDirectory(base)))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo(LAYER);
                            assertThat(p.message()).contains("«facts»");
                        }));
    }

    @Test
    void aDecisionsRuleNamedLikeASharedRuleIsRefused() throws IOException {
        Path base = mentoringOnly(dir, true);
        String sharedName = "Педагог — не молодой специалист: возраст не меньше установленного";
        assertThat(read(base.resolve(LAYER))).contains("rule \"" + sharedName + "\"");
        Files.writeString(base.resolve("turochak/mentoring-extra.drl"), """
                package mentoring;

                import ru.edu.decisions.rules.dsl.*;

                rule "%s"
                    @clause("manifest:mentoringClause")
                when
                    DecisionContext()
                then
                end
                """.formatted(sharedName));

        assertThatThrownBy(() -> new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(RuleBaseSource.fromDirectory(base)))
                .isInstanceOfSatisfying(RuleBaseCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("turochak/mentoring-extra.drl");
                            assertThat(p.rule()).isEqualTo(sharedName);
                        }));
    }

    private static RouteOutcome route(JurisdictionRules rules) {
        return route(rules, BORN, EXPERIENCE);
    }

    private static RouteOutcome route(JurisdictionRules rules, LocalDate born, Integer experience) {
        TeacherProfile teacher = new TeacherProfile(null, "Петрова Анна Сергеевна", born, null, null,
                new Employment("МБОУ «СОШ № 1»", OrganizationKind.SCHOOL, Position.TEACHER, "учитель", true,
                        QualificationCategory.FIRST, experience, experience, List.of("математика")),
                null, null, null, null, null, null, null);
        return decision(rules, RouteRules.class).evaluate(teacher, null,
                new Diagnostics(LocalDate.of(2026, 10, 1), Map.of(CompetenceArea.METHODICAL, 90)), null, AS_OF);
    }

    /** The names of the rules of the shipped shared file. */
    private static List<String> sharedRuleNames() {
        return java.util.regex.Pattern.compile("(?m)^rule \"([^\"]+)\"").matcher(read(Path.of(LAYER))).results()
                .map(m -> m.group(1)).toList();
    }

    private static <R> R decision(JurisdictionRules rules, Class<R> type) {
        return rules.decision(type).orElseThrow();
    }

    /** The shipped common rules and Kuznetsk's folder (routes, mentoring, indicators), the shared file edited. */
    private static JurisdictionRules compileKuznetsk(Path base, java.util.function.UnaryOperator<String> layer) throws IOException {
        for (String folder : List.of("common", "kuznetsk")) {
            Files.createDirectories(base.resolve(folder));
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, base.resolve(folder).resolve(file.getFileName().toString()));
                }
            }
        }
        Files.writeString(base.resolve(LAYER), layer.apply(read(Path.of(LAYER))));
        return new RuleSetCompiler(ShippedRuleBase.CLOCK).compile(RuleBaseSource.fromDirectory(base))
                .jurisdiction("kuznetsk").orElseThrow();
    }

    /** Turochak's mentoring rules with the common mentoring files, with or without the shared layer. */
    private static Path mentoringOnly(Path dir, boolean withLayer) throws IOException {
        Path base = dir.resolve("mentoring-only");
        Files.createDirectories(base.resolve("common"));
        Files.createDirectories(base.resolve("turochak"));
        try (Stream<Path> common = Files.list(Path.of("common"))) {
            for (Path file : common.filter(f -> f.getFileName().toString().startsWith("mentoring")).toList()) {
                Files.copy(file, base.resolve("common").resolve(file.getFileName().toString()));
            }
        }
        if (withLayer) {
            Files.copy(Path.of(LAYER), base.resolve(LAYER));
        }
        Files.copy(Path.of("turochak/mentoring.drl"), base.resolve("turochak/mentoring.drl"));
        Files.copy(Path.of("turochak/manifest.yaml"), base.resolve("turochak/manifest.yaml"));
        return base;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
