package ru.edu.decisions.rules.eligibility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Assessment;
import ru.edu.decisions.model.AssessmentKind;
import ru.edu.decisions.model.AssessmentResult;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Level;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.MembershipKind;
import ru.edu.decisions.model.MembershipRole;
import ru.edu.decisions.model.OrganizationKind;
import ru.edu.decisions.model.Position;
import ru.edu.decisions.model.QualificationCategory;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.Training;
import ru.edu.decisions.model.TrainingKind;
import ru.edu.decisions.model.eligibility.Verdict;

/**
 * An eligibility scenario table a policy officer reads and extends ({@code rules/<jurisdiction>/scenarios/eligibility.csv}):
 * one row per case, the candidate's key attributes in Russian words, the expected decision, grounds and missing data.
 * The vocabulary is in {@code rules/README.md} («Сценарии»). A wrong cell fails with the file, row and column.
 * Plain Java: the rules' tests read the shipped tables with it, and the service checks a draft's tables with
 * {@link ScenarioCheck}.
 */
public final class ScenarioTable {

    public static final List<String> HEADER = List.of("Случай", "Дата решения", "Образование", "Стаж по специальности",
            "Стаж педагогический", "Категория", "Должность", "Вид организации", "Стабильно высокие результаты", "Курсы",
            "Членство", "Достижения", "Оценки", "Решение", "Основания", "Недостающие сведения");

    /** One case: where it comes from, the candidate, and what the rules must answer. */
    public record Scenario(String jurisdiction, String file, int row, String name, LocalDate asOf, TeacherProfile candidate,
                    Verdict verdict, List<String> grounds, List<String> missing) {

        @Override
        public String toString() {
            return jurisdiction + " строка " + row + ": " + name;
        }
    }

    public static class ScenarioError extends IllegalArgumentException {
        public ScenarioError(String message) {
            super(message);
        }
    }

    private ScenarioTable() {
    }

    public static List<Scenario> readAll(Path rulesRoot) throws IOException {
        List<Scenario> all = new ArrayList<>();
        try (var folders = Files.list(rulesRoot)) {
            for (Path folder : folders.sorted().toList()) {
                Path table = folder.resolve("scenarios/eligibility.csv");
                if (Files.isRegularFile(table)) {
                    all.addAll(read(folder.getFileName().toString(), rulesRoot.relativize(table).toString(),
                            Files.readString(table, StandardCharsets.UTF_8)));
                }
            }
        }
        return all;
    }

    public static List<Scenario> read(String jurisdiction, String file, String text) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        List<String> header = Arrays.stream(lines[0].split(";", -1)).map(String::trim).toList();
        if (!header.equals(HEADER)) {
            throw new ScenarioError(file + ", строка 1: заголовок должен быть «" + String.join(";", HEADER) + "»");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            scenarios.add(new Row(jurisdiction, file, i + 1, lines[i].split(";", -1)).scenario());
        }
        return scenarios;
    }

    private record Row(String jurisdiction, String file, int row, String[] cells) {

        Scenario scenario() {
            if (cells.length != HEADER.size()) {
                throw new ScenarioError(file + ", строка " + row + ": ожидается " + HEADER.size() + " столбцов, а в строке " + cells.length);
            }
            String name = cell("Случай");
            LocalDate asOf = parse("Дата решения", LocalDate::parse);
            List<Education> education = list("Образование", this::education);
            Integer specialty = optional("Стаж по специальности", Integer::parseInt);
            Integer pedagogical = optional("Стаж педагогический", Integer::parseInt);
            QualificationCategory category = optional("Категория", v -> word(v, Map.of("высшая", QualificationCategory.HIGHEST,
                    "первая", QualificationCategory.FIRST, "нет", QualificationCategory.NONE)));
            Position position = optional("Должность", v -> word(v, Map.of("учитель", Position.TEACHER, "руководитель", Position.HEAD,
                    "заместитель", Position.DEPUTY_HEAD, "методист", Position.METHODIST, "другая", Position.OTHER)));
            OrganizationKind kind = optional("Вид организации", v -> word(v, Map.of("школа", OrganizationKind.SCHOOL,
                    "детский сад", OrganizationKind.KINDERGARTEN, "доп. образование", OrganizationKind.ADDITIONAL_EDUCATION,
                    "ИМЦ", OrganizationKind.IMC, "другая", OrganizationKind.OTHER)));
            Boolean stable = optional("Стабильно высокие результаты", v -> word(v, Map.of("да", true, "нет", false)));
            Employment employment = specialty == null && pedagogical == null && category == null && position == null && kind == null
                    ? null : new Employment("МБОУ «Школа»", kind, position, null, true, category, pedagogical, specialty, List.of("математика"));
            TeacherProfile candidate = new TeacherProfile(null, name, null, education, list("Курсы", this::training), employment,
                    list("Членство", this::membership), list("Достижения", this::achievement), list("Оценки", this::assessment),
                    stable, null, null, null);
            Verdict verdict = parse("Решение", v -> word(v, Map.of("подходит", Verdict.ELIGIBLE, "не подходит", Verdict.NOT_ELIGIBLE,
                    "недостаточно сведений", Verdict.INSUFFICIENT_DATA)));
            return new Scenario(jurisdiction, file, row, name, asOf, candidate, verdict, codes("Основания"), codes("Недостающие сведения"));
        }

        private String cell(String column) {
            return cells[HEADER.indexOf(column)].trim();
        }

        private <T> T parse(String column, Function<String, T> parser) {
            String value = cell(column);
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                throw new ScenarioError(file + ", строка " + row + ", столбец «" + column + "»: не понято значение «" + value
                        + "» (" + e.getMessage() + ")");
            }
        }

        private <T> T optional(String column, Function<String, T> parser) {
            return cell(column).equals("?") ? null : parse(column, parser);
        }

        /** {@code ?} absent, {@code нет} an empty list, else entries joined by « + ». */
        private <T> List<T> list(String column, Function<String[], T> entry) {
            String value = cell(column);
            if (value.equals("?")) {
                return null;
            }
            if (value.equals("нет")) {
                return List.of();
            }
            return parse(column, v -> Arrays.stream(v.split("\\s+\\+\\s+"))
                    .map(e -> entry.apply(Arrays.stream(e.split("\\s*/\\s*")).map(String::trim).toArray(String[]::new))).toList());
        }

        private List<String> codes(String column) {
            String value = cell(column);
            return value.equals("нет") ? List.of() : new ArrayList<>(new TreeSet<>(Arrays.asList(value.split("\\s+\\+\\s+"))));
        }

        private Education education(String[] p) {
            need(p, 3, "уровень / педагогическое или непедагогическое / год");
            return new Education(orNull(p[0], v -> word(v, Map.of("высшее", EducationLevel.HIGHER, "среднее профессиональное",
                    EducationLevel.SECONDARY_VOCATIONAL, "другое", EducationLevel.OTHER))),
                    orNull(p[1], v -> word(v, Map.of("педагогическое", true, "непедагогическое", false))),
                    orNull(p[2], Integer::parseInt), "Специальность", "Вуз");
        }

        private Training training(String[] p) {
            need(p, 3, "повышение или переподготовка / реестр или вне реестра / год");
            return new Training("Курс", "Организатор", orNull(p[2], Integer::parseInt), 72,
                    orNull(p[0], v -> word(v, Map.of("повышение", TrainingKind.QUALIFICATION_UPGRADE, "переподготовка", TrainingKind.RETRAINING))),
                    orNull(p[1], v -> word(v, Map.of("реестр", true, "вне реестра", false))));
        }

        private Membership membership(String[] p) {
            need(p, 3, "вид / роль / уровень");
            return new Membership(orNull(p[0], v -> word(v, Map.of("ВсОШ", MembershipKind.OLYMPIAD_COMMISSION, "ГИА", MembershipKind.GIA_COMMISSION,
                    "сообщество", MembershipKind.PROFESSIONAL_COMMUNITY, "инновационная площадка", MembershipKind.INNOVATION_SITE,
                    "пилотная площадка", MembershipKind.PILOT_SITE, "базовая школа", MembershipKind.BASE_SCHOOL,
                    "РМО", MembershipKind.SUBJECT_ASSOCIATION, "УМО", MembershipKind.UMO, "500+", MembershipKind.PROJECT_500_PLUS))),
                    orNull(p[1], v -> word(v, Map.of("председатель", MembershipRole.CHAIR, "руководитель", MembershipRole.HEAD,
                            "член", MembershipRole.MEMBER, "участник", MembershipRole.PARTICIPANT))),
                    orNull(p[2], this::level), "Название");
        }

        private Achievement achievement(String[] p) {
            need(p, 3, "результат / уровень / год");
            return new Achievement("Конкурс", orNull(p[1], this::level), orNull(p[0], v -> word(v, Map.of("победитель",
                    AchievementResult.WINNER, "призёр", AchievementResult.PRIZEWINNER, "участник", AchievementResult.PARTICIPANT))),
                    orNull(p[2], Integer::parseInt));
        }

        private Assessment assessment(String[] p) {
            need(p, 3, "вид / результат / дата");
            return new Assessment(orNull(p[0], v -> word(v, Map.of("ФИОКО", AssessmentKind.FIOKO_DIAGNOSTICS, "ФИС ОКО", AssessmentKind.FIS_OKO_ASSESSMENT,
                    "экспертная", AssessmentKind.EXPERT_EVALUATION, "опросный лист", AssessmentKind.DEFICIT_QUESTIONNAIRE))),
                    orNull(p[1], v -> word(v, Map.of("пройдена", AssessmentResult.PASSED, "не пройдена", AssessmentResult.FAILED,
                            "высокий", AssessmentResult.HIGH, "средний", AssessmentResult.MEDIUM, "низкий", AssessmentResult.LOW))),
                    orNull(p[2], LocalDate::parse));
        }

        private Level level(String value) {
            return word(value, Map.of("школьный", Level.SCHOOL, "муниципальный", Level.MUNICIPAL, "региональный", Level.REGIONAL,
                    "федеральный", Level.FEDERAL, "международный", Level.INTERNATIONAL));
        }

        private static <T> T orNull(String value, Function<String, T> parser) {
            return value.equals("?") ? null : parser.apply(value);
        }

        private static void need(String[] parts, int count, String format) {
            if (parts.length != count) {
                throw new IllegalArgumentException("ожидается «" + format + "»");
            }
        }

        private static <T> T word(String value, Map<String, T> words) {
            T found = words.get(value.trim().toLowerCase(Locale.ROOT));
            if (found == null) {
                found = words.get(value.trim());
            }
            if (found == null) {
                throw new IllegalArgumentException("допустимо: " + String.join(", ", new TreeSet<>(words.keySet())));
            }
            return found;
        }
    }

}
