package ru.edu.decisions.service.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.indicators.IndicatorService.Period;
import ru.edu.decisions.service.indicators.IndicatorViews.EnteredValues;
import ru.edu.decisions.service.indicators.IndicatorViews.IndicatorsView;
import ru.edu.decisions.service.indicators.IndicatorViews.MethodistEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.MethodistInput;
import ru.edu.decisions.service.indicators.IndicatorViews.RoadMapEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.RoadMapInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolsView;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotSummary;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotView;
import ru.edu.decisions.service.indicators.IndicatorViews.SubjectsView;
import ru.edu.decisions.service.indicators.IndicatorViews.SurveyEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.SurveyInput;
import ru.edu.decisions.service.indicators.IndicatorViews.TeamEntry;
import ru.edu.decisions.service.indicators.IndicatorViews.TeamInput;
import ru.edu.decisions.service.indicators.IndicatorViews.TrendView;
import ru.edu.decisions.service.security.CurrentActor;

/**
 * The indicators of the methodological service over HTTP (contract: «Indicators of the methodological service»), the
 * lists of people and schools behind each figure, the breakdown by school, the trend by month, the report as XLSX, its
 * frozen snapshots, and the values the IMC enters. IMC staff of the jurisdiction and administrators.
 */
@RestController
class IndicatorController {

    private static final String TAG = "ИМЦ: показатели методической службы";

    private final IndicatorService indicators;
    private final IndicatorEntries entries;
    private final IndicatorReport report;
    private final CurrentActor current;

    IndicatorController(IndicatorService indicators, IndicatorEntries entries, IndicatorReport report, CurrentActor current) {
        this.indicators = indicators;
        this.entries = entries;
        this.report = report;
        this.current = current;
    }

    @GetMapping("/api/v1/indicators")
    @Tag(name = TAG)
    @Operation(summary = "Показатели эффективности методической службы территории за период, по данным рабочего процесса")
    IndicatorsView list(@RequestParam String jurisdiction,
                        @Parameter(description = "Начало периода (по умолчанию 1 сентября текущего учебного года)")
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                        @Parameter(description = "Конец периода (по умолчанию 31 мая текущего учебного года)")
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        current.requireRead(jurisdiction);
        return indicators.indicators(jurisdiction, indicators.period(from, to));
    }

    @GetMapping("/api/v1/indicators/{code}/subjects")
    @Tag(name = TAG)
    @Operation(summary = "Кого считает числитель (NUMERATOR) или знаменатель (DENOMINATOR) показателя: педагоги (ФИО, школа, "
            + "должность — чтение записывается в журнал доступа) или школы")
    SubjectsView subjects(@PathVariable String code, @RequestParam String jurisdiction, @RequestParam String part,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        current.requireRead(jurisdiction);
        return indicators.subjects(jurisdiction, code, part, indicators.period(from, to), page, size);
    }

    @GetMapping("/api/v1/indicators/schools")
    @Tag(name = TAG)
    @Operation(summary = "Показатели по школам: числитель, знаменатель и значение каждого счётного показателя для каждой школы")
    SchoolsView schools(@RequestParam String jurisdiction,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        current.requireRead(jurisdiction);
        return indicators.schools(jurisdiction, indicators.period(from, to));
    }

    @GetMapping("/api/v1/indicators/trend")
    @Tag(name = TAG)
    @Operation(summary = "Показатели по месяцам периода: значение на конец каждого месяца (с начала периода)")
    TrendView trend(@RequestParam String jurisdiction,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        current.requireRead(jurisdiction);
        return indicators.trend(jurisdiction, indicators.period(from, to));
    }

    @GetMapping("/api/v1/indicators/report.xlsx")
    @Tag(name = TAG)
    @Operation(summary = "Отчёт о показателях за период (Excel): №, показатель, пункт, значение, числитель/знаменатель")
    void reportXlsx(@RequestParam String jurisdiction,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                    HttpServletResponse response) throws IOException {
        current.requireRead(jurisdiction);
        Period period = indicators.period(from, to);
        IndicatorsView view = indicators.indicators(jurisdiction, period);
        report.send(view, null, response);
    }

    // ---- snapshots --------------------------------------------------------------------------------------------------

    @PostMapping("/api/v1/indicators/snapshots")
    @Tag(name = TAG)
    @Operation(summary = "Зафиксировать отчёт за период: снимок показателей, который не меняется при последующих изменениях данных")
    ResponseEntity<SnapshotView> freeze(@Valid @RequestBody SnapshotInput input) {
        current.requireWrite(input.jurisdiction());
        SnapshotView snapshot = indicators.freeze(input, current.name());
        return ResponseEntity.created(URI.create("/api/v1/indicators/snapshots/" + snapshot.snapshot().id())).body(snapshot);
    }

    @GetMapping("/api/v1/indicators/snapshots")
    @Tag(name = TAG)
    @Operation(summary = "Зафиксированные отчёты территории, новые сначала")
    List<SnapshotSummary> snapshots(@RequestParam String jurisdiction) {
        current.requireRead(jurisdiction);
        return indicators.snapshots(jurisdiction);
    }

    @GetMapping("/api/v1/indicators/snapshots/{id}")
    @Tag(name = TAG)
    @Operation(summary = "Зафиксированный отчёт: показатели такими, какими они были сданы")
    SnapshotView snapshot(@PathVariable UUID id) {
        return indicators.snapshot(id, j -> current.actor().covers(j));
    }

    @GetMapping("/api/v1/indicators/snapshots/{id}/report.xlsx")
    @Tag(name = TAG)
    @Operation(summary = "Зафиксированный отчёт (Excel)")
    void snapshotXlsx(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        SnapshotView snapshot = indicators.snapshot(id, j -> current.actor().covers(j));
        report.send(snapshot.figures(), snapshot.snapshot(), response);
    }

    // ---- entered values ---------------------------------------------------------------------------------------------

    @GetMapping("/api/v1/indicators/entries")
    @Tag(name = TAG)
    @Operation(summary = "Внесённые сведения для показателей: дорожные карты, опросы, управленческие команды, школы в модели "
            + "наставничества, региональные методисты")
    EnteredValues entered(@RequestParam String jurisdiction) {
        current.requireRead(jurisdiction);
        return entries.entered(jurisdiction);
    }

    @PostMapping("/api/v1/indicators/entries/road-maps")
    @Tag(name = TAG)
    @Operation(summary = "Внести дорожную карту методического сопровождения (номер и дата документа) — п. 4.1.1")
    ResponseEntity<RoadMapEntry> roadMap(@Valid @RequestBody RoadMapInput input) {
        current.requireWrite(input.jurisdiction());
        return ResponseEntity.status(201).body(entries.roadMap(input, current.name()));
    }

    @PostMapping("/api/v1/indicators/entries/surveys")
    @Tag(name = TAG)
    @Operation(summary = "Внести результат социологического опроса об удовлетворённости работой ММС — п. 4.1.4")
    ResponseEntity<SurveyEntry> survey(@Valid @RequestBody SurveyInput input) {
        current.requireWrite(input.jurisdiction());
        return ResponseEntity.status(201).body(entries.survey(input, current.name()));
    }

    @PostMapping("/api/v1/indicators/entries/management-teams")
    @Tag(name = TAG)
    @Operation(summary = "Внести участие управленческой команды школы в программе повышения квалификации — п. 4.1.2")
    ResponseEntity<TeamEntry> team(@Valid @RequestBody TeamInput input) {
        current.requireWrite(input.jurisdiction());
        return ResponseEntity.status(201).body(entries.team(input, current.name()));
    }

    @PutMapping("/api/v1/indicators/entries/schools")
    @Tag(name = TAG)
    @Operation(summary = "Отметить школу включённой в реализацию целевой модели наставничества с даты — п. 4.1.3")
    SchoolEntry school(@Valid @RequestBody SchoolInput input) {
        current.requireWrite(input.jurisdiction());
        return entries.school(input, current.name());
    }

    @DeleteMapping("/api/v1/indicators/entries/schools")
    @Tag(name = TAG)
    @Operation(summary = "Снять отметку о включении школы в целевую модель наставничества")
    ResponseEntity<Void> removeSchool(@RequestParam String jurisdiction, @RequestParam String school) {
        current.requireWrite(jurisdiction);
        if (!entries.removeSchool(jurisdiction, school)) {
            throw ApiException.notFound("Школа «" + school + "» не отмечена включённой в целевую модель наставничества");
        }
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/indicators/entries/regional-methodists/{teacherId}")
    @Tag(name = TAG)
    @Operation(summary = "Статус регионального методиста педагога с даты его получения — п. 4.1.3")
    MethodistEntry methodist(@PathVariable UUID teacherId, @Valid @RequestBody MethodistInput input) {
        current.requireWrite(entries.teacherJurisdiction(teacherId));
        return entries.methodist(teacherId, input, current.name());
    }

    @DeleteMapping("/api/v1/indicators/entries/regional-methodists/{teacherId}")
    @Tag(name = TAG)
    @Operation(summary = "Снять статус регионального методиста с педагога")
    ResponseEntity<Void> removeMethodist(@PathVariable UUID teacherId) {
        current.requireWrite(entries.teacherJurisdiction(teacherId));
        if (!entries.removeMethodist(teacherId)) {
            throw ApiException.notFound("У педагога " + teacherId + " нет статуса регионального методиста");
        }
        return ResponseEntity.noContent().build();
    }

    static String filename(String jurisdiction, LocalDate from, LocalDate to) {
        return ContentDisposition.attachment().filename("pokazateli-" + jurisdiction + "-" + from + "-" + to + ".xlsx",
                StandardCharsets.UTF_8).build().toString();
    }

    static void xlsx(HttpServletResponse response, String disposition, ByteArrayOutputStream bytes) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(bytes.size());
        bytes.writeTo(response.getOutputStream());
    }

}
