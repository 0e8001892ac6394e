package ru.edu.decisions.service.candidates;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Assessment;
import ru.edu.decisions.model.AssessmentKind;
import ru.edu.decisions.model.AssessmentResult;
import ru.edu.decisions.model.Contacts;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.MembershipKind;
import ru.edu.decisions.model.MembershipRole;
import ru.edu.decisions.model.Nomination;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.Training;
import ru.edu.decisions.model.TrainingKind;

/**
 * The candidate form of the workspace (the official nomination form, Приложение к Положению о ММА) as typed: every
 * value is the text the person entered, so that a form with errors comes back exactly as it was sent. Field names
 * are the profile's JSON paths ({@code employment.specialtyExperienceYears}, {@code education[0].year}), so are the
 * keys of the errors. An empty field is unknown (or absent) — never false or zero.
 */
public record CandidateForm(
        String id,
        String fullName,
        String birthDate,
        List<Row> education,
        List<Row> trainings,
        Row employment,
        List<Row> memberships,
        String methodicalExperience,
        String stableHighStudentResults,
        Row contacts,
        List<Row> achievements,
        List<Row> assessments,
        Row nomination,
        String asOf) {

    /** The fields of each repeatable section, in the order the form shows them. */
    public static final Map<String, List<String>> SECTIONS = Map.of(
            "education", List.of("level", "pedagogical", "year", "specialty", "institution"),
            "trainings", List.of("title", "provider", "year", "hours", "kind", "federalRegistry"),
            "memberships", List.of("kind", "role", "level", "title"),
            "achievements", List.of("title", "level", "result", "year"),
            "assessments", List.of("kind", "result", "date"));

    static final List<String> EMPLOYMENT = List.of("organization", "organizationKind", "position", "positionTitle",
            "mainPlaceOfWork", "qualificationCategory", "pedagogicalExperienceYears", "specialtyExperienceYears", "subjects");

    /** Most rows a section may have (the profile allows more; a form this long is a mistake). */
    static final int MAX_ROWS = 50;

    private static final Pattern ROW_PARAM = Pattern.compile("(\\w+)\\[(\\d{1,3})]\\.(\\w+)");
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A group of typed values by field name (a row of a repeatable section, or a nested object). */
    public record Row(Map<String, String> values) {

        public String get(String field) {
            return values.getOrDefault(field, "");
        }

        boolean blank() {
            return values.values().stream().allMatch(String::isBlank);
        }

        static Row empty(List<String> fields) {
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach(f -> values.put(f, ""));
            return new Row(values);
        }
    }

    /** The rows of a repeatable section by its name. */
    public List<Row> rows(String section) {
        return switch (section) {
            case "education" -> education;
            case "trainings" -> trainings;
            case "memberships" -> memberships;
            case "achievements" -> achievements;
            case "assessments" -> assessments;
            default -> throw new IllegalArgumentException(section);
        };
    }

    /** An empty form: one education row to start with. */
    public static CandidateForm empty() {
        return new CandidateForm("", "", "", List.of(Row.empty(SECTIONS.get("education"))), List.of(),
                Row.empty(EMPLOYMENT), List.of(), "", "", Row.empty(List.of("phone", "email")), List.of(), List.of(),
                Row.empty(List.of("nominatedBy", "basis")), "");
    }

    /** The form as the request sent it (parameter names are JSON paths); rows keep their order, re-numbered from 0. */
    public static CandidateForm fromParameters(Map<String, String[]> parameters) {
        Function<String, String> one = name -> {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 || values[0] == null ? "" : values[0];
        };
        Map<String, TreeMap<Integer, Map<String, String>>> sections = new LinkedHashMap<>();
        SECTIONS.keySet().forEach(s -> sections.put(s, new TreeMap<>()));
        parameters.forEach((name, values) -> {
            Matcher m = ROW_PARAM.matcher(name);
            if (m.matches() && sections.containsKey(m.group(1)) && SECTIONS.get(m.group(1)).contains(m.group(3))) {
                int index = Integer.parseInt(m.group(2));
                TreeMap<Integer, Map<String, String>> rows = sections.get(m.group(1));
                if (rows.containsKey(index) || rows.size() < MAX_ROWS) {
                    rows.computeIfAbsent(index, i -> new LinkedHashMap<>())
                            .put(m.group(3), values.length == 0 || values[0] == null ? "" : values[0]);
                }
            }
        });
        Function<String, List<Row>> rows = section -> sections.get(section).values().stream().map(values -> {
            Row row = Row.empty(SECTIONS.get(section));
            row.values().putAll(values);
            return row;
        }).toList();
        Function<List<String>, Row> group = names -> {
            Map<String, String> values = new LinkedHashMap<>();
            names.forEach(n -> values.put(n.substring(n.indexOf('.') + 1), one.apply(n)));
            return new Row(values);
        };
        return new CandidateForm(one.apply("id"), one.apply("fullName"), one.apply("birthDate"), rows.apply("education"),
                rows.apply("trainings"), group.apply(EMPLOYMENT.stream().map(f -> "employment." + f).toList()),
                rows.apply("memberships"), one.apply("methodicalExperience"), one.apply("stableHighStudentResults"),
                group.apply(List.of("contacts.phone", "contacts.email")), rows.apply("achievements"),
                rows.apply("assessments"), group.apply(List.of("nomination.nominatedBy", "nomination.basis")),
                one.apply("asOf"));
    }

    /** The form showing a stored profile (to complete it). */
    public static CandidateForm of(TeacherProfile p) {
        CandidateForm form = empty();
        List<Row> education = new ArrayList<>();
        for (Education e : list(p.education())) {
            education.add(row("education", e.level(), bool(e.pedagogical()), e.year(), e.specialty(), e.institution()));
        }
        List<Row> trainings = new ArrayList<>();
        for (Training t : p.trainingList()) {
            trainings.add(row("trainings", t.title(), t.provider(), t.year(), t.hours(), t.kind(), bool(t.federalRegistry())));
        }
        List<Row> memberships = new ArrayList<>();
        for (Membership m : p.membershipList()) {
            memberships.add(row("memberships", m.kind(), m.role(), m.level(), m.title()));
        }
        List<Row> achievements = new ArrayList<>();
        for (Achievement a : p.achievementList()) {
            achievements.add(row("achievements", a.title(), a.level(), a.result(), a.year()));
        }
        List<Row> assessments = new ArrayList<>();
        for (Assessment a : p.assessmentList()) {
            assessments.add(row("assessments", a.kind(), a.result(), a.date() == null ? null : RUSSIAN_DATE.format(a.date())));
        }
        Employment e = p.employment();
        Row employment = e == null ? form.employment() : new Row(values(EMPLOYMENT, e.organization(), e.organizationKind(),
                e.position(), e.positionTitle(), bool(e.mainPlaceOfWork()), e.qualificationCategory(),
                e.pedagogicalExperienceYears(), e.specialtyExperienceYears(),
                e.subjects() == null ? null : String.join(", ", e.subjects())));
        Row contacts = p.contacts() == null ? form.contacts()
                : new Row(values(List.of("phone", "email"), p.contacts().phone(), p.contacts().email()));
        Row nomination = p.nomination() == null ? form.nomination()
                : new Row(values(List.of("nominatedBy", "basis"), p.nomination().nominatedBy(), p.nomination().basis()));
        return new CandidateForm(text(p.id()), text(p.fullName()),
                p.birthDate() == null ? "" : RUSSIAN_DATE.format(p.birthDate()),
                education.isEmpty() ? form.education() : education, trainings, employment, memberships,
                p.methodicalExperience() == null ? "" : String.join("\n", p.methodicalExperience()),
                bool(p.stableHighStudentResults()), contacts, achievements, assessments, nomination, "");
    }

    /** The form with an empty row added to a section. */
    public CandidateForm withRowAdded(String section) {
        if (!SECTIONS.containsKey(section) || rows(section).size() >= MAX_ROWS) {
            return this;
        }
        List<Row> changed = new ArrayList<>(rows(section));
        changed.add(Row.empty(SECTIONS.get(section)));
        return withRows(section, changed);
    }

    /** The form without one row ({@code education[1]}); anything else leaves it as it is. */
    public CandidateForm withRowRemoved(String reference) {
        Matcher m = Pattern.compile("(\\w+)\\[(\\d{1,3})]").matcher(reference);
        if (!m.matches() || !SECTIONS.containsKey(m.group(1))) {
            return this;
        }
        int index = Integer.parseInt(m.group(2));
        List<Row> changed = new ArrayList<>(rows(m.group(1)));
        if (index >= changed.size()) {
            return this;
        }
        changed.remove(index);
        return withRows(m.group(1), changed);
    }

    /** The form without the rows nobody filled in (what is saved). */
    CandidateForm withoutBlankRows() {
        CandidateForm form = this;
        for (String section : SECTIONS.keySet()) {
            form = form.withRows(section, rows(section).stream().filter(r -> !r.blank()).toList());
        }
        return form;
    }

    private CandidateForm withRows(String section, List<Row> rows) {
        List<Row> copy = List.copyOf(rows);
        return new CandidateForm(id, fullName, birthDate,
                section.equals("education") ? copy : education, section.equals("trainings") ? copy : trainings,
                employment, section.equals("memberships") ? copy : memberships, methodicalExperience,
                stableHighStudentResults, contacts, section.equals("achievements") ? copy : achievements,
                section.equals("assessments") ? copy : assessments, nomination, asOf);
    }

    /** What the form amounts to: the profile, or the errors by field (JSON path), in Russian. */
    public record Result(@Nullable TeacherProfile profile, @Nullable LocalDate asOf, Map<String, String> errors,
                         CandidateForm form) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Reads the typed values (numbers, dates, choices; blank rows left out) into a profile, then applies the same
     * bean validation as the API. Type errors and validation errors are both keyed by the field's JSON path.
     */
    public Result toProfile(Validator validator) {
        CandidateForm form = withoutBlankRows();
        Reader read = new Reader();
        List<Education> education = new ArrayList<>();
        for (int i = 0; i < form.education.size(); i++) {
            Row r = form.education.get(i);
            String at = "education[" + i + "].";
            education.add(new Education(read.choice(at + "level", r.get("level"), EducationLevel.class),
                    read.bool(at + "pedagogical", r.get("pedagogical")), read.integer(at + "year", r.get("year")),
                    blankToNull(r.get("specialty")), blankToNull(r.get("institution"))));
        }
        List<Training> trainings = new ArrayList<>();
        for (int i = 0; i < form.trainings.size(); i++) {
            Row r = form.trainings.get(i);
            String at = "trainings[" + i + "].";
            trainings.add(new Training(blankToNull(r.get("title")), blankToNull(r.get("provider")),
                    read.integer(at + "year", r.get("year")), read.integer(at + "hours", r.get("hours")),
                    read.choice(at + "kind", r.get("kind"), TrainingKind.class),
                    read.bool(at + "federalRegistry", r.get("federalRegistry"))));
        }
        List<Membership> memberships = new ArrayList<>();
        for (int i = 0; i < form.memberships.size(); i++) {
            Row r = form.memberships.get(i);
            String at = "memberships[" + i + "].";
            memberships.add(new Membership(read.choice(at + "kind", r.get("kind"), MembershipKind.class),
                    read.choice(at + "role", r.get("role"), MembershipRole.class),
                    read.choice(at + "level", r.get("level"), Level.class), blankToNull(r.get("title"))));
        }
        List<Achievement> achievements = new ArrayList<>();
        for (int i = 0; i < form.achievements.size(); i++) {
            Row r = form.achievements.get(i);
            String at = "achievements[" + i + "].";
            achievements.add(new Achievement(blankToNull(r.get("title")), read.choice(at + "level", r.get("level"), Level.class),
                    read.choice(at + "result", r.get("result"), AchievementResult.class), read.integer(at + "year", r.get("year"))));
        }
        List<Assessment> assessments = new ArrayList<>();
        for (int i = 0; i < form.assessments.size(); i++) {
            Row r = form.assessments.get(i);
            String at = "assessments[" + i + "].";
            assessments.add(new Assessment(read.choice(at + "kind", r.get("kind"), AssessmentKind.class),
                    read.choice(at + "result", r.get("result"), AssessmentResult.class), read.date(at + "date", r.get("date"))));
        }
        Row e = form.employment;
        Employment employment = e.blank() ? null : new Employment(blankToNull(e.get("organization")),
                read.choice("employment.organizationKind", e.get("organizationKind"), OrganizationKind.class),
                read.choice("employment.position", e.get("position"), Position.class), blankToNull(e.get("positionTitle")),
                read.bool("employment.mainPlaceOfWork", e.get("mainPlaceOfWork")),
                read.choice("employment.qualificationCategory", e.get("qualificationCategory"), QualificationCategory.class),
                read.integer("employment.pedagogicalExperienceYears", e.get("pedagogicalExperienceYears")),
                read.integer("employment.specialtyExperienceYears", e.get("specialtyExperienceYears")),
                split(e.get("subjects"), "[,;\\n]"));
        Contacts contacts = form.contacts.blank() ? null
                : new Contacts(blankToNull(form.contacts.get("phone")), blankToNull(form.contacts.get("email")));
        Nomination nomination = form.nomination.blank() ? null
                : new Nomination(blankToNull(form.nomination.get("nominatedBy")), blankToNull(form.nomination.get("basis")));
        TeacherProfile profile = new TeacherProfile(blankToNull(form.id), blankToNull(form.fullName),
                read.date("birthDate", form.birthDate), education.isEmpty() ? null : education,
                trainings, employment, memberships, achievements, assessments,
                read.bool("stableHighStudentResults", form.stableHighStudentResults),
                split(form.methodicalExperience, "\\R"), contacts, nomination);
        LocalDate asOf = read.date("asOf", form.asOf);
        Map<String, String> errors = new LinkedHashMap<>(read.errors);
        for (ConstraintViolation<TeacherProfile> violation : validator.validate(profile)) {
            String path = violation.getPropertyPath().toString().replace(".<list element>", "")
                    .replace("<list element>", "");
            path = path.replaceAll("^methodicalExperience\\[\\d+]$", "methodicalExperience")
                    .replaceAll("^employment\\.subjects\\[\\d+]$", "employment.subjects");
            errors.merge(path, violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return new Result(errors.isEmpty() ? profile : null, asOf, errors, form);
    }

    /** Reads typed text into values, noting what cannot be read. */
    private static final class Reader {
        final Map<String, String> errors = new LinkedHashMap<>();

        @Nullable Integer integer(String path, String text) {
            String t = text.strip().replace(" ", "");
            if (t.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(t);
            } catch (NumberFormatException e) {
                errors.put(path, "Введите целое число (или оставьте поле пустым, если неизвестно)");
                return null;
            }
        }

        @Nullable Boolean bool(String path, String text) {
            return switch (text.strip()) {
                case "" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    errors.put(path, "Выберите «да», «нет» или «неизвестно»");
                    yield null;
                }
            };
        }

        @Nullable LocalDate date(String path, String text) {
            String t = text.strip();
            if (t.isEmpty()) {
                return null;
            }
            for (DateTimeFormatter format : List.of(RUSSIAN_DATE, ISO_DATE)) {
                try {
                    return LocalDate.parse(t, format);
                } catch (DateTimeParseException ignored) {
                    // try the next format
                }
            }
            errors.put(path, "Введите существующую дату в виде дд.мм.гггг");
            return null;
        }

        <E extends Enum<E>> @Nullable E choice(String path, String text, Class<E> type) {
            String t = text.strip();
            if (t.isEmpty()) {
                return null;
            }
            try {
                return Enum.valueOf(type, t);
            } catch (IllegalArgumentException e) {
                errors.put(path, "Выберите значение из списка");
                return null;
            }
        }
    }

    private static @Nullable List<String> split(String text, String separator) {
        List<String> items = Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return items.isEmpty() ? null : items;
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private static String bool(@Nullable Boolean value) {
        return value == null ? "" : value.toString();
    }

    private static <T> List<T> list(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Row row(String section, @Nullable Object... values) {
        return new Row(values(SECTIONS.get(section), values));
    }

    private static Map<String, String> values(List<String> fields, @Nullable Object... values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            map.put(fields.get(i), text(values[i]));
        }
        return map;
    }

    /** The errors as a text, for logs and tests. */
    static String describe(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }
}
