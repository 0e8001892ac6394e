package ru.edu.decisions.service.indicators;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.RuleSetRef;

/** Request and response shapes of the indicators (contract: «Indicators of the methodological service»). */
final class IndicatorViews {

    private IndicatorViews() {
    }

    /** The contract's answer: the indicators of a jurisdiction for a period. */
    record IndicatorsView(String jurisdiction, LocalDate from, LocalDate to, RuleSetRef ruleSet, List<IndicatorView> indicators) {
    }

    /**
     * One indicator (contract fields: code, title, kind, numerator, denominator, value, unit). Added: {@code clause} —
     * the regulation's clause; {@code note} — what an entered value is based on; {@code numeratorReading} and
     * {@code denominatorReading} — who each part counts, as the rules name it.
     */
    record IndicatorView(String code, String title, String kind, @Nullable Integer numerator, @Nullable Integer denominator,
                         @Nullable BigDecimal value, @Nullable String unit, @Nullable String clause, @Nullable String note,
                         @Nullable String numeratorReading, @Nullable String denominatorReading) {
    }

    /** Who a part of an indicator counts: teachers (with name, school, position — personal data) or schools. */
    record SubjectsView(String jurisdiction, String code, String part, LocalDate from, LocalDate to,
                        @Nullable String reading, int total, List<Subject> subjects) {
    }

    /** A teacher (kind TEACHER, id of the record) or a school (kind SCHOOL, id = its name). */
    record Subject(String kind, String id, @Nullable String fullName, @Nullable String school, @Nullable String position) {
    }

    /** The counted indicators of each school. */
    record SchoolsView(String jurisdiction, LocalDate from, LocalDate to, List<SchoolRow> schools) {
    }

    record SchoolRow(String school, List<SchoolFigure> figures) {
    }

    record SchoolFigure(String code, int numerator, @Nullable Integer denominator, @Nullable BigDecimal value) {
    }

    /** The indicators month by month: each month's value for the period from its start to the month's end. */
    record TrendView(String jurisdiction, LocalDate from, LocalDate to, List<String> months, List<Series> series) {
    }

    record Series(String code, String title, @Nullable String unit, List<@Nullable BigDecimal> values) {
    }

    // ---- entered values -----------------------------------------------------------------------------------------------

    record EnteredValues(String jurisdiction, List<RoadMapEntry> roadMaps, List<SurveyEntry> surveys, List<TeamEntry> teams,
                         List<SchoolEntry> schools, List<MethodistEntry> methodists) {
    }

    record RoadMapEntry(UUID id, String number, LocalDate date, @Nullable String enteredBy, Instant enteredAt) {
    }

    record SurveyEntry(UUID id, LocalDate date, BigDecimal resultPercent, int respondents, @Nullable String enteredBy,
                       Instant enteredAt) {
    }

    record TeamEntry(UUID id, String school, String programme, LocalDate date, @Nullable String enteredBy, Instant enteredAt) {
    }

    record SchoolEntry(String school, LocalDate since, @Nullable String document, @Nullable String enteredBy, Instant enteredAt) {
    }

    record MethodistEntry(UUID teacherId, LocalDate since, @Nullable String document, @Nullable String enteredBy,
                          Instant enteredAt) {
    }

    record RoadMapInput(@NotBlank @Size(max = 64) String jurisdiction, @NotBlank @Size(max = 100) String number,
                        @NotNull LocalDate date) {
    }

    record SurveyInput(@NotBlank @Size(max = 64) String jurisdiction, @NotNull LocalDate date,
                       @NotNull @DecimalMin("0.0") @DecimalMax("100.0") BigDecimal resultPercent,
                       @NotNull @Min(1) @Max(10_000_000) Integer respondents) {
    }

    record TeamInput(@NotBlank @Size(max = 64) String jurisdiction, @NotBlank @Size(max = 500) String school,
                     @NotBlank @Size(max = 1000) String programme, @NotNull LocalDate date) {
    }

    record SchoolInput(@NotBlank @Size(max = 64) String jurisdiction, @NotBlank @Size(max = 500) String school,
                       @NotNull LocalDate since, @Nullable @Size(max = 500) String document) {
    }

    record MethodistInput(@NotNull LocalDate since, @Nullable @Size(max = 500) String document) {
    }

    // ---- snapshots ----------------------------------------------------------------------------------------------------

    record SnapshotInput(@NotBlank @Size(max = 64) String jurisdiction, @NotNull LocalDate from, @NotNull LocalDate to,
                         @Nullable @Size(max = 500) String note) {
    }

    record SnapshotSummary(UUID id, String jurisdiction, LocalDate from, LocalDate to, String ruleSetVersion,
                           @Nullable String note, @Nullable String createdBy, Instant createdAt) {
    }

    record SnapshotView(SnapshotSummary snapshot, IndicatorsView figures) {
    }
}
