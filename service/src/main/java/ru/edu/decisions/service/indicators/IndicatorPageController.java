package ru.edu.decisions.service.indicators;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.edu.decisions.rules.indicators.IndicatorRules;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.indicators.IndicatorService.Computed;
import ru.edu.decisions.service.indicators.IndicatorService.Period;
import ru.edu.decisions.service.indicators.IndicatorViews.IndicatorsView;
import ru.edu.decisions.service.indicators.IndicatorViews.MethodistInput;
import ru.edu.decisions.service.indicators.IndicatorViews.RoadMapInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SchoolsView;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotInput;
import ru.edu.decisions.service.indicators.IndicatorViews.SnapshotView;
import ru.edu.decisions.service.indicators.IndicatorViews.SurveyInput;
import ru.edu.decisions.service.indicators.IndicatorViews.TeamInput;
import ru.edu.decisions.service.security.CurrentActor;
import ru.edu.decisions.service.teachers.TeacherService;
import ru.edu.decisions.service.teachers.TeacherViews.Summary;
import ru.edu.decisions.service.workspace.CurrentJurisdiction;

/**
 * The indicators in the workspace: the dashboard of a period (each figure with its clause and title, the trend by
 * month and the bar per school drawn by {@code /js/indicators.js} from the API), the people and schools behind a figure,
 * the values the IMC enters, the printable report and its Excel file, and the frozen snapshots.
 */
@Controller
class IndicatorPageController {

    static final int SUBJECTS_PAGE = 50;

    private final IndicatorService indicators;
    private final IndicatorEntries entries;
    private final IndicatorReport report;
    private final CurrentJurisdiction jurisdiction;
    private final CurrentActor current;
    private final TeacherService teachers;
    private final JsonCodec json;

    IndicatorPageController(IndicatorService indicators, IndicatorEntries entries, IndicatorReport report,
                            CurrentJurisdiction jurisdiction, CurrentActor current, TeacherService teachers, JsonCodec json) {
        this.indicators = indicators;
        this.entries = entries;
        this.report = report;
        this.jurisdiction = jurisdiction;
        this.current = current;
        this.teachers = teachers;
        this.json = json;
    }

    /** The period of a page: the dates given (either may be left out), or the current school year. */
    private Period period(@Nullable String from, @Nullable String to) {
        return indicators.period(date(from, "from"), date(to, "to"));
    }

    private static @Nullable LocalDate date(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ru.edu.decisions.service.common.ApiException.invalid("Дата «" + text + "» не распознана",
                    List.of(new ru.edu.decisions.service.common.ApiException.FieldError(field, "Дата в формате ГГГГ-ММ-ДД")));
        }
    }

    /** The rules of the jurisdiction the person works in, if they define indicators. */
    private @Nullable JurisdictionRules rulesOrNull() {
        JurisdictionRules rules = jurisdiction.rules();
        return rules.decision(IndicatorRules.class).isPresent() ? rules : null;
    }

    @GetMapping("/indicators")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        String code = jurisdiction.code();
        JurisdictionRules rules = rulesOrNull();
        model.addAttribute("jurisdiction", code);
        if (rules == null) {
            model.addAttribute("jurisdictionName", jurisdiction.rules().manifest().name());
            return "indicators/none";
        }
        Period period = period(from, to);
        Computed computed = indicators.compute(code, period);
        IndicatorsView view = indicators.view(code, period, computed);
        SchoolsView schools = indicators.schools(code, period, computed);
        model.addAttribute("period", period);
        model.addAttribute("view", view);
        model.addAttribute("schools", schools);
        model.addAttribute("schoolsJson", json.write(schools));
        model.addAttribute("counted", view.indicators().stream().filter(i -> i.numerator() != null).toList());
        model.addAttribute("regulationPath", "/regulations/" + code);
        return "indicators/dashboard";
    }

    @GetMapping("/indicators/subjects")
    String subjects(@RequestParam String code, @RequestParam(defaultValue = "NUMERATOR") String part,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        String jurisdictionCode = jurisdiction.code();
        Period period = period(from, to);
        Computed computed = indicators.compute(jurisdictionCode, period);
        var figure = IndicatorService.view(IndicatorService.figure(computed, code));
        var subjects = indicators.subjects(jurisdictionCode, code, part.toUpperCase(Locale.ROOT), period, computed,
                Math.max(page, 0), SUBJECTS_PAGE);
        model.addAttribute("period", period);
        model.addAttribute("indicator", figure);
        model.addAttribute("subjects", subjects);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", (subjects.total() + SUBJECTS_PAGE - 1) / SUBJECTS_PAGE);
        return "indicators/subjects";
    }

    // ---- report and snapshots -------------------------------------------------------------------------------------

    @GetMapping("/indicators/report")
    String printable(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        String code = jurisdiction.code();
        Period period = period(from, to);
        model.addAttribute("view", indicators.indicators(code, period));
        model.addAttribute("period", period);
        model.addAttribute("snapshot", null);
        return "indicators/report";
    }

    @GetMapping("/indicators/report.xlsx")
    void reportXlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    HttpServletResponse response) throws IOException {
        report.send(indicators.indicators(jurisdiction.code(), period(from, to)), null, response);
    }

    @PostMapping("/indicators/snapshots")
    String freeze(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Period period = period(from, to);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            text = text.substring(0, 500);
        }
        SnapshotView snapshot = indicators.freeze(new SnapshotInput(code, period.from(), period.to(), text), current.name());
        redirect.addFlashAttribute("notice", "Отчёт за период зафиксирован: он не изменится при последующих изменениях данных");
        return "redirect:/indicators/snapshots/" + snapshot.snapshot().id();
    }

    @GetMapping("/indicators/snapshots")
    String snapshots(Model model) {
        model.addAttribute("snapshots", indicators.snapshots(jurisdiction.code()));
        return "indicators/snapshots";
    }

    @GetMapping("/indicators/snapshots/{id}")
    String snapshot(@PathVariable UUID id, Model model) {
        String code = jurisdiction.code();
        SnapshotView snapshot = indicators.snapshot(id, code::equals);
        model.addAttribute("view", snapshot.figures());
        model.addAttribute("period", new Period(snapshot.snapshot().from(), snapshot.snapshot().to()));
        model.addAttribute("snapshot", snapshot.snapshot());
        return "indicators/report";
    }

    @GetMapping("/indicators/snapshots/{id}/report.xlsx")
    void snapshotXlsx(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        String code = jurisdiction.code();
        SnapshotView snapshot = indicators.snapshot(id, code::equals);
        report.send(snapshot.figures(), snapshot.snapshot(), response);
    }

    // ---- entered values -------------------------------------------------------------------------------------------

    @GetMapping("/indicators/entries")
    String entered(Model model) {
        String code = jurisdiction.code();
        model.addAttribute("entered", entries.entered(code));
        Map<UUID, String> names = new LinkedHashMap<>();
        for (var methodist : entries.entered(code).methodists()) {
            names.put(methodist.teacherId(), teacherName(methodist.teacherId()));
        }
        model.addAttribute("methodistNames", names);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "indicators/entries";
    }

    private String teacherName(UUID id) {
        var details = teachers.details(id);
        return details.teacher().fullName() == null ? id.toString() : details.teacher().fullName();
    }

    /** A form of the entries page: its fields, or the page again with the errors by field (400). */
    private String invalid(Map<String, String> errors, Map<String, String> form, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return entered(model);
    }

    @PostMapping("/indicators/entries/road-map")
    String roadMap(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String date, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Map<String, String> errors = new LinkedHashMap<>();
        if (number.isBlank() || number.strip().length() > 100) {
            errors.put("roadMapNumber", "Укажите номер документа (не длиннее 100 символов)");
        }
        LocalDate day = dayOrError(date, "roadMapDate", errors);
        if (!errors.isEmpty()) {
            return invalid(errors, Map.of("roadMapNumber", number, "roadMapDate", date), model, response);
        }
        entries.roadMap(new RoadMapInput(code, number, day), current.name());
        redirect.addFlashAttribute("notice", "Дорожная карта внесена");
        return "redirect:/indicators/entries";
    }

    @PostMapping("/indicators/entries/survey")
    String survey(@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String result,
                  @RequestParam(defaultValue = "") String respondents, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = dayOrError(date, "surveyDate", errors);
        BigDecimal percent = null;
        try {
            percent = new BigDecimal(result.strip().replace(',', '.'));
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.put("surveyResult", "Результат — от 0 до 100 %");
            }
        } catch (NumberFormatException e) {
            errors.put("surveyResult", "Укажите результат опроса числом, например 84,5");
        }
        Integer count = null;
        try {
            count = Integer.valueOf(respondents.strip());
            if (count < 1) {
                errors.put("surveyRespondents", "Число опрошенных — не меньше 1");
            }
        } catch (NumberFormatException e) {
            errors.put("surveyRespondents", "Укажите число опрошенных целым числом");
        }
        if (!errors.isEmpty()) {
            return invalid(errors, Map.of("surveyDate", date, "surveyResult", result, "surveyRespondents", respondents),
                    model, response);
        }
        entries.survey(new SurveyInput(code, day, percent, count), current.name());
        redirect.addFlashAttribute("notice", "Результат опроса внесён");
        return "redirect:/indicators/entries";
    }

    @PostMapping("/indicators/entries/team")
    String team(@RequestParam(defaultValue = "") String school, @RequestParam(defaultValue = "") String programme,
                @RequestParam(defaultValue = "") String date, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Map<String, String> errors = new LinkedHashMap<>();
        if (school.isBlank() || school.strip().length() > 500) {
            errors.put("teamSchool", "Укажите школу (не длиннее 500 символов)");
        }
        if (programme.isBlank() || programme.strip().length() > 1000) {
            errors.put("teamProgramme", "Укажите программу повышения квалификации (не длиннее 1000 символов)");
        }
        LocalDate day = dayOrError(date, "teamDate", errors);
        if (!errors.isEmpty()) {
            return invalid(errors, Map.of("teamSchool", school, "teamProgramme", programme, "teamDate", date), model, response);
        }
        entries.team(new TeamInput(code, school, programme, day), current.name());
        redirect.addFlashAttribute("notice", "Участие управленческой команды внесено");
        return "redirect:/indicators/entries";
    }

    @PostMapping("/indicators/entries/school")
    String school(@RequestParam(defaultValue = "") String school, @RequestParam(defaultValue = "") String since,
                  @RequestParam(defaultValue = "") String document, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Map<String, String> errors = new LinkedHashMap<>();
        if (school.isBlank() || school.strip().length() > 500) {
            errors.put("schoolName", "Укажите школу (не длиннее 500 символов)");
        }
        LocalDate day = dayOrError(since, "schoolSince", errors);
        if (document.strip().length() > 500) {
            errors.put("schoolDocument", "Не длиннее 500 символов");
        }
        if (!errors.isEmpty()) {
            return invalid(errors, Map.of("schoolName", school, "schoolSince", since, "schoolDocument", document), model, response);
        }
        entries.school(new SchoolInput(code, school, day, document), current.name());
        redirect.addFlashAttribute("notice", "Школа отмечена включённой в целевую модель наставничества");
        return "redirect:/indicators/entries";
    }

    @PostMapping("/indicators/entries/school/removal")
    String removeSchool(@RequestParam String school, RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        entries.removeSchool(code, school);
        redirect.addFlashAttribute("notice", "Отметка о включении школы в модель наставничества снята");
        return "redirect:/indicators/entries";
    }

    @PostMapping("/indicators/entries/methodist")
    String methodist(@RequestParam(defaultValue = "") String fullName, @RequestParam(defaultValue = "") String since,
                     @RequestParam(defaultValue = "") String document, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        String code = jurisdiction.code();
        current.requireWrite(code);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = dayOrError(since, "methodistSince", errors);
        UUID teacher = null;
        if (fullName.isBlank()) {
            errors.put("methodistName", "Укажите ФИО педагога полностью");
        } else {
            List<Summary> found = new ArrayList<>();
            for (Summary s : teachers.search(code, fullName.strip(), null, 0, 20).items()) {
                if (s.fullName() != null && norm(s.fullName()).equals(norm(fullName))) {
                    found.add(s);
                }
            }
            if (found.isEmpty()) {
                errors.put("methodistName", "Педагог с таким ФИО не найден: сначала внесите его или загрузите штатный список");
            } else if (found.size() > 1) {
                errors.put("methodistName", "Найдено несколько педагогов с таким ФИО: откройте карточку нужного и внесите статус "
                        + "через API (PUT /api/v1/indicators/entries/regional-methodists/{id})");
            } else {
                teacher = found.get(0).id();
            }
        }
        if (document.strip().length() > 500) {
            errors.put("methodistDocument", "Не длиннее 500 символов");
        }
        if (!errors.isEmpty()) {
            return invalid(errors, Map.of("methodistName", fullName, "methodistSince", since, "methodistDocument", document),
                    model, response);
        }
        entries.methodist(teacher, new MethodistInput(day, document), current.name());
        redirect.addFlashAttribute("notice", "Статус регионального методиста внесён");
        return "redirect:/indicators/entries";
    }

    @PostMapping("/indicators/entries/methodist/removal")
    String removeMethodist(@RequestParam UUID teacherId, RedirectAttributes redirect) {
        current.requireWrite(entries.teacherJurisdiction(teacherId));
        entries.removeMethodist(teacherId);
        redirect.addFlashAttribute("notice", "Статус регионального методиста снят");
        return "redirect:/indicators/entries";
    }

    private static String norm(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static @Nullable LocalDate dayOrError(String text, String field, Map<String, String> errors) {
        if (text.isBlank()) {
            errors.put(field, "Укажите дату");
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (day.getYear() < 1900 || day.getYear() > 2100) {
                errors.put(field, "Дата вне допустимого диапазона");
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.put(field, "Дата в формате ГГГГ-ММ-ДД");
            return null;
        }
    }
}
