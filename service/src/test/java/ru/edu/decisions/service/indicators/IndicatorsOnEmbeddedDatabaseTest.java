package ru.edu.decisions.service.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.routes.School;
import ru.edu.decisions.service.indicators.IndicatorService.Period;
import ru.edu.decisions.service.indicators.IndicatorViews.IndicatorView;
import ru.edu.decisions.service.indicators.IndicatorViews.MethodistInput;
import ru.edu.decisions.service.indicators.IndicatorViews.RoadMapInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SurveyInput;
import ru.edu.decisions.service.indicators.IndicatorViews.TeamInput;
import ru.edu.decisions.service.teachers.TeacherService;

/**
 * The indicators' tables (V19, V20) and queries on the embedded default database (H2 in PostgreSQL mode): entered
 * values, figures, the lists behind them and a frozen snapshot. (The same context as the registry's embedded test.)
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:registry-workflow;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "decisions.security.admin-password=embedded-test-password-123"})
class IndicatorsOnEmbeddedDatabaseTest {

    @Autowired
    IndicatorService indicators;
    @Autowired
    IndicatorEntries entries;
    @Autowired
    TeacherService teachers;

    private UUID teacher(String name, String school, Position position) {
        TeacherProfile profile = new TeacherProfile(null, name, LocalDate.of(1985, 3, 3), null, null,
                new Employment(school, null, position, null, null, null, 10, null, null), null, null, null, null, null, null, null);
        return teachers.create("kuznetsk", profile, new School(school, null)).id();
    }

    private Map<String, IndicatorView> figures(Period period) {
        return indicators.indicators("kuznetsk", period).indicators().stream()
                .collect(Collectors.toMap(IndicatorView::code, i -> i));
    }

    @Test
    void enteredValuesCountAndASnapshotKeepsTheFiledFigures() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Period period = indicators.period(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 5, 31));
        Map<String, IndicatorView> before = figures(period);
        UUID methodist = teacher("Встроенная Анна " + tag, "Школа встроенная " + tag, Position.TEACHER);
        teacher("Встроенный Борис " + tag, "Школа встроенная " + tag, Position.HEAD);
        entries.methodist(methodist, new MethodistInput(LocalDate.of(2026, 10, 1), "приказ"), "методист");
        entries.roadMap(new RoadMapInput("kuznetsk", "5-" + tag, LocalDate.of(2026, 8, 1)), "методист");
        entries.survey(new SurveyInput("kuznetsk", LocalDate.of(2027, 5, 31), new BigDecimal("77.25"), 30), "методист");
        entries.team(new TeamInput("kuznetsk", "Школа встроенная " + tag, "Программа", LocalDate.of(2026, 12, 1)), "методист");
        entries.school(new SchoolInput("kuznetsk", "Школа встроенная " + tag, LocalDate.of(2026, 9, 1), null), "методист");

        Map<String, IndicatorView> after = figures(period);
        assertThat(after.get("kuznetsk:4.1.3.1").numerator()).isEqualTo(before.get("kuznetsk:4.1.3.1").numerator() + 1);
        assertThat(after.get("kuznetsk:4.1.3.1").denominator()).isEqualTo(before.get("kuznetsk:4.1.3.1").denominator() + 1);
        assertThat(after.get("kuznetsk:4.1.2.2").denominator()).isEqualTo(before.get("kuznetsk:4.1.2.2").denominator() + 1);
        assertThat(after.get("kuznetsk:4.1.2.6").numerator()).isEqualTo(before.get("kuznetsk:4.1.2.6").numerator() + 1);
        assertThat(after.get("kuznetsk:4.1.3.5").numerator()).isEqualTo(before.get("kuznetsk:4.1.3.5").numerator() + 1);
        assertThat(after.get("kuznetsk:4.1.1.1").value()).isEqualByComparingTo("1");
        assertThat(after.get("kuznetsk:4.1.4.1").value()).isEqualByComparingTo("77.3");
        assertThat(after.get("kuznetsk:4.1.4.1").note()).isEqualTo("Опрос от 31.05.2027, ответили 30");
        assertThat(indicators.subjects("kuznetsk", "kuznetsk:4.1.3.1", "NUMERATOR", period, 0, 1000).subjects())
                .anySatisfy(s -> {
                    assertThat(s.id()).isEqualTo(methodist.toString());
                    assertThat(s.fullName()).isEqualTo("Встроенная Анна " + tag);
                });
        assertThat(entries.entered("kuznetsk").methodists()).anySatisfy(m -> {
            assertThat(m.teacherId()).isEqualTo(methodist);
            assertThat(m.enteredBy()).isEqualTo("методист");
        });

        var frozen = indicators.freeze(new SnapshotInput("kuznetsk", period.from(), period.to(), "встроенная база"), "методист");
        entries.removeMethodist(methodist);
        assertThat(figures(period).get("kuznetsk:4.1.3.1").numerator()).isEqualTo(before.get("kuznetsk:4.1.3.1").numerator());
        var filed = indicators.snapshot(frozen.snapshot().id(), j -> true);
        assertThat(filed.figures().indicators().stream().filter(i -> i.code().equals("kuznetsk:4.1.3.1")).findFirst().orElseThrow()
                .numerator()).isEqualTo(before.get("kuznetsk:4.1.3.1").numerator() + 1);
        assertThat(indicators.snapshots("kuznetsk")).anySatisfy(s -> assertThat(s.id()).isEqualTo(frozen.snapshot().id()));
    }
}
