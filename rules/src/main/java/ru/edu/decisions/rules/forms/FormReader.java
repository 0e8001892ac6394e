package ru.edu.decisions.rules.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Achievement;
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
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.rules.forms.Vocabulary.Dictionary;
import ru.edu.decisions.rules.forms.Vocabulary.Match;

/**
 * Reads the free text of the official candidate form, column by column, into the contract's teacher profile.
 * Nothing is guessed: a value the text does not state with certainty (two readings, an impossible date, an unknown
 * word) stays absent, so the decision says what is missing, and the cell is reported as a {@link Problem} with a
 * Russian message the methodist can take back to the school. The words come from the rule base's
 * {@link Vocabulary}; the federal-registry programmes from its {@link FederalRegistry}.
 */
public final class FormReader {

    /** What could not be read in a column: the profile's field and a Russian message. */
    public record Problem(FormColumn column, String field, String message) {
    }

    /** One row read: the profile (absent what could not be read) and the problems. */
    public record RowReading(TeacherProfile profile, List<Problem> problems) {
    }

    private static final Pattern NONE = Pattern.compile("(?iu)^(нет|не имеет|не имею|отсутству[а-я]*|-|—|–|не было|не проходил[а]?|\\.|0)$");
    private static final Pattern DMY = Pattern.compile("(?<!\\d)(\\d{1,2})\\s*[./,\\-]\\s*(\\d{1,2})\\s*[./,\\-]\\s*(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern ISO = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern WORDY = Pattern.compile("(?iu)(?<!\\d)(\\d{1,2})\\s+([а-я]+)\\.?\\s+(\\d{4})(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])(19[5-9]\\d|20\\d\\d)(?![\\d])");
    private static final Pattern YEAR_RANGE = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)\\s*(?:-|–|—|по)\\s*(19[5-9]\\d|20\\d\\d)(?!\\d)");
    private static final Pattern HOURS = Pattern.compile("(?iu)(?<![\\d.])(\\d{1,4})\\s*(?:-?\\s*х\\s*)?(?:академических\\s+|ак\\.?\\s*|уч\\.?\\s*)?(?:час[а-я]*|ч)(?![а-яa-z])");
    private static final Pattern EXPERIENCE = Pattern.compile("(?iu)(?<![\\d.,])(\\d{1,2})(?:[.,]\\d+)?\\s*(?:лет|года|год|г\\.?|л\\.?)(?![а-я])");
    private static final Pattern EXPERIENCE_AFTER = Pattern.compile("(?iu)стаж[а-я]*[^\\d,;]{0,40}?(\\d{1,2})(?![\\d.])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+\\s*7|8|7)?[\\s\\-(]*\\d{3,5}[\\s\\-)]*\\d{1,3}[\\s\\-]*\\d{2}[\\s\\-]*\\d{2}(?!\\d)");
    private static final Pattern QUOTED = Pattern.compile("[«\"“„]([^«»\"“”„]*(?:«[^«»]*»[^«»\"“”„]*)*)[»\"”“]");
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{IsCyrillic}]+(?:-[\\p{IsCyrillic}]+)*|[\\p{IsCyrillic}]\\.");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("января", 1), Map.entry("февраля", 2), Map.entry("марта", 3), Map.entry("апреля", 4),
            Map.entry("мая", 5), Map.entry("июня", 6), Map.entry("июля", 7), Map.entry("августа", 8),
            Map.entry("сентября", 9), Map.entry("октября", 10), Map.entry("ноября", 11), Map.entry("декабря", 12));
    private static final int MIN_AGE = 18;
    private static final int MAX_AGE = 85;

    private final Vocabulary vocabulary;
    private final FederalRegistry registry;
    private final LocalDate today;

    public FormReader(Vocabulary vocabulary, FederalRegistry registry, LocalDate today) {
        this.vocabulary = vocabulary;
        this.registry = registry;
        this.today = today;
    }

    /**
     * The reader of a jurisdiction: the vocabulary and registry files of {@code common} and of the jurisdiction
     * (given as rule files, path {@code common/…} or {@code <code>/…}). Problems of the files go to {@code problems}.
     */
    public static FormReader of(List<RuleFile> files, String jurisdiction, LocalDate today, List<CompileProblem> problems) {
        List<RuleFile> vocabularies = pick(files, jurisdiction, Vocabulary.FILE);
        List<RuleFile> registries = pick(files, jurisdiction, FederalRegistry.FILE);
        return new FormReader(Vocabulary.read(vocabularies, problems), FederalRegistry.read(registries, problems), today);
    }

    private static List<RuleFile> pick(List<RuleFile> files, String jurisdiction, String name) {
        List<RuleFile> picked = new ArrayList<>();
        files.stream().filter(f -> f.path().equals("common/" + name)).forEach(picked::add);
        files.stream().filter(f -> f.path().equals(jurisdiction + "/" + name)).forEach(picked::add);
        return picked;
    }

    /** Whether a programme title is in the federal-registry reference list: true, or null (unknown). */
    public @Nullable Boolean federalRegistry(String title) {
        return registry.listed(title);
    }

    public LocalDate today() {
        return today;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Reads one candidate row. */
    public RowReading read(Map<FormColumn, Cell> cells) {
        List<Problem> problems = new ArrayList<>();
        Cell empty = Cell.of("");
        String name = fullName(cells.getOrDefault(FormColumn.FULL_NAME, empty), problems);
        LocalDate birth = birthDate(cells.getOrDefault(FormColumn.BIRTH_DATE, empty), problems);
        List<Education> education = education(cells.getOrDefault(FormColumn.EDUCATION, empty), problems);
        List<Training> trainings = trainings(cells.getOrDefault(FormColumn.TRAININGS, empty), problems);
        Employment employment = employment(cells.getOrDefault(FormColumn.EMPLOYMENT, empty), problems);
        Methodical methodical = methodical(cells.getOrDefault(FormColumn.METHODICAL, empty), problems);
        Contacts contacts = contacts(cells.getOrDefault(FormColumn.CONTACTS, empty), problems);
        List<Achievement> achievements = achievements(cells.getOrDefault(FormColumn.ACHIEVEMENTS, empty), problems);
        Nomination nomination = basis(cells.getOrDefault(FormColumn.BASIS, empty));
        TeacherProfile profile = new TeacherProfile(null, name, birth, education, trainings, employment,
                methodical == null ? null : methodical.memberships(), achievements, null, null,
                methodical == null ? null : methodical.experience(), contacts, nomination);
        return new RowReading(profile, problems);
    }

    // ---------------------------------------------------------------- ФИО

    public @Nullable String fullName(Cell cell, List<Problem> problems) {
        String text = FormText.clean(cell.text()).replace('\n', ' ').replaceAll("[,;]+$", "").strip();
        if (!text.matches("(?s).*(\\s|\\.)\\p{L}\\.$")) {
            text = text.replaceAll("[.,;]+$", "").strip();
        }
        if (text.isEmpty()) {
            return null;
        }
        if (text.matches(".*[\\d@].*")) {
            return problem(problems, FormColumn.FULL_NAME, "fullName", "В ячейке ФИО есть цифры или адрес: «" + text
                    + "» не похоже на фамилию, имя и отчество");
        }
        if (text.contains(",") || text.contains(";") || text.matches("(?iu).*\\s(и)\\s.*")) {
            return problem(problems, FormColumn.FULL_NAME, "fullName", "В ячейке ФИО, похоже, несколько человек: «"
                    + text + "»; укажите одного кандидата в строке");
        }
        String spaced = text.replaceAll("(\\p{L})\\.(?=\\p{L})", "$1. ").replaceAll("\\s*-\\s*", "-");
        List<String> words = new ArrayList<>(List.of(spaced.split("\\s+")));
        if (words.stream().anyMatch(w -> !NAME_WORD.matcher(w).matches())) {
            return problem(problems, FormColumn.FULL_NAME, "fullName", "ФИО «" + text
                    + "» содержит латинские буквы или знаки, которых не бывает в ФИО");
        }
        if (words.size() < 2) {
            return problem(problems, FormColumn.FULL_NAME, "fullName", "В ФИО «" + text
                    + "» только одно слово: нужны фамилия, имя и (при наличии) отчество");
        }
        if (words.size() > 4) {
            return problem(problems, FormColumn.FULL_NAME, "fullName", "ФИО «" + text
                    + "» слишком длинное: в ячейке, похоже, не только ФИО");
        }
        List<String> proper = words.stream().map(FormReader::capitalized).toList();
        String result = String.join(" ", proper);
        if (proper.stream().anyMatch(w -> w.endsWith("."))) {
            problems.add(new Problem(FormColumn.FULL_NAME, "fullName", "ФИО указано с инициалами («" + result
                    + "»): попросите школу указать имя и отчество полностью"));
        }
        return result;
    }

    private static String capitalized(String word) {
        StringBuilder out = new StringBuilder();
        for (String part : word.split("-", -1)) {
            if (!out.isEmpty()) {
                out.append('-');
            }
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- Дата рождения

    public @Nullable LocalDate birthDate(Cell cell, List<Problem> problems) {
        FormColumn column = FormColumn.BIRTH_DATE;
        if (cell.date() != null) {
            return plausibleBirth(cell.date(), cell.date().toString(), problems);
        }
        String text = FormText.clean(cell.text()).replace('\n', ' ');
        String zeros = text.replaceAll("(?<=[\\d.])[ОоOo](?=[\\d.])|(?<=\\d)[ОоOo]|[ОоOo](?=\\d)", "0");
        if (!zeros.equals(text)) {
            problems.add(new Problem(FormColumn.BIRTH_DATE, "birthDate", "В дате «" + text
                    + "» буква «О» вместо нуля: прочитано как «" + zeros + "», проверьте"));
            text = zeros;
        }
        if (cell.number() != null && text.matches("\\d{5}(\\.0)?")) {
            double serial = cell.number();
            if (serial > 1 && serial < 80000 && serial == Math.rint(serial)) {
                LocalDate date = LocalDate.of(1899, 12, 30).plusDays((long) serial);
                return plausibleBirth(date, text, problems);
            }
        }
        if (text.isEmpty()) {
            return null;
        }
        List<LocalDate> found = new ArrayList<>();
        List<String> impossible = new ArrayList<>();
        boolean ambiguousYear = false;
        String rest = text;
        Matcher iso = ISO.matcher(rest);
        while (iso.find()) {
            add(found, impossible, Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)), iso.group());
        }
        rest = ISO.matcher(rest).replaceAll(" ");
        Matcher dmy = DMY.matcher(rest);
        while (dmy.find()) {
            int day = Integer.parseInt(dmy.group(1));
            int month = Integer.parseInt(dmy.group(2));
            String y = dmy.group(3);
            if (y.length() == 4) {
                add(found, impossible, Integer.parseInt(y), month, day, dmy.group());
            } else {
                List<Integer> years = new ArrayList<>();
                for (int century : new int[] {1900, 2000}) {
                    int year = century + Integer.parseInt(y);
                    int age = today.getYear() - year;
                    if (age >= MIN_AGE && age <= MAX_AGE + 1) {
                        years.add(year);
                    }
                }
                if (years.size() == 1) {
                    add(found, impossible, years.get(0), month, day, dmy.group());
                } else {
                    ambiguousYear = true;
                }
            }
        }
        rest = DMY.matcher(rest).replaceAll(" ");
        Matcher wordy = WORDY.matcher(rest);
        while (wordy.find()) {
            Integer month = MONTHS.get(FormText.key(wordy.group(2)));
            if (month != null) {
                add(found, impossible, Integer.parseInt(wordy.group(3)), month, Integer.parseInt(wordy.group(1)), wordy.group());
            }
        }
        if (!impossible.isEmpty()) {
            return problem(problems, column, "birthDate", "Дата «" + impossible.get(0) + "» не существует");
        }
        Set<LocalDate> distinct = new LinkedHashSet<>(found);
        if (distinct.size() > 1) {
            return problem(problems, column, "birthDate", "В ячейке несколько дат: «" + text + "»; нужна одна дата рождения");
        }
        if (distinct.isEmpty()) {
            if (ambiguousYear) {
                return problem(problems, column, "birthDate", "Год в дате «" + text
                        + "» указан двумя цифрами, и век из него не ясен: укажите дату как дд.мм.гггг");
            }
            if (YEAR.matcher(text).find()) {
                return problem(problems, column, "birthDate", "Указан только год («" + text
                        + "»): нужна полная дата рождения дд.мм.гггг");
            }
            return problem(problems, column, "birthDate", "Дата рождения «" + text + "» не читается: укажите её как дд.мм.гггг");
        }
        return plausibleBirth(distinct.iterator().next(), text, problems);
    }

    private static void add(List<LocalDate> found, List<String> impossible, int year, int month, int day, String text) {
        try {
            found.add(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            impossible.add(text.strip());
        }
    }

    private @Nullable LocalDate plausibleBirth(LocalDate date, String text, List<Problem> problems) {
        int age = Period.between(date, today).getYears();
        if (date.isAfter(today) || age < MIN_AGE || age > MAX_AGE) {
            return problem(problems, FormColumn.BIRTH_DATE, "birthDate", "Дата рождения «" + Dates.format(date)
                    + "» невозможна для педагога (возраст " + (date.isAfter(today) ? "отрицательный" : age + " лет") + ")");
        }
        return date;
    }

    // ---------------------------------------------------------------- Образование

    public @Nullable List<Education> education(Cell cell, List<Problem> problems) {
        String text = FormText.clean(cell.text());
        if (text.isEmpty()) {
            return null;
        }
        if (NONE.matcher(text).matches()) {
            return problemList(problems, FormColumn.EDUCATION, "education", "Образование указано как «" + text
                    + "»: у педагога оно должно быть; уточните у школы");
        }
        List<Education> result = new ArrayList<>();
        List<String> entries = FormText.entries(text);
        for (int i = 0; i < entries.size(); i++) {
            result.add(educationEntry(entries.get(i), "education[" + i + "]", problems));
        }
        return result;
    }

    private Education educationEntry(String entry, String field, List<Problem> problems) {
        FormColumn column = FormColumn.EDUCATION;
        Set<String> levels = vocabulary.values(Dictionary.EDUCATION_LEVEL, entry);
        EducationLevel level = null;
        if (levels.size() == 1) {
            level = enumOf(EducationLevel.class, levels.iterator().next());
        } else if (levels.size() > 1) {
            problems.add(new Problem(column, field + ".level", "Уровень образования в «" + entry
                    + "» неоднозначен (" + labels(EducationLevel.class, levels) + "): укажите один уровень в записи"));
        } else {
            problems.add(new Problem(column, field + ".level", "Не указан уровень образования (высшее, среднее "
                    + "профессиональное) в «" + entry + "»"));
        }
        Integer year = year(entry, true, column, field + ".year", problems, true);
        List<String> parts = parts(entry);
        String institution = null;
        List<String> specialty = new ArrayList<>();
        for (String part : parts) {
            String stripped = part.replaceAll("(?iu)\\b(в\\s+)?(19[5-9]\\d|20\\d\\d)\\s*(году|года|гг\\.?|г\\.?)?", "")
                    .replaceAll("(?iu)(окончил[а]?|окончание|год окончания|выпуск)", "").strip();
            Set<String> partLevels = vocabulary.values(Dictionary.EDUCATION_LEVEL, part);
            boolean onlyLevel = !partLevels.isEmpty() && FormText.tokens(stripped).size()
                    <= vocabulary.find(Dictionary.EDUCATION_LEVEL, part).stream().mapToInt(m -> m.to() - m.from()).sum() + 1
                    && !vocabulary.any(Dictionary.INSTITUTION, part);
            if (stripped.replaceAll("[\\p{P}\\s]", "").isEmpty() || onlyLevel) {
                continue;
            }
            if (institution == null && vocabulary.any(Dictionary.INSTITUTION, stripped)
                    && !vocabulary.any(Dictionary.PEDAGOGICAL_QUALIFICATION, withoutInstitutionWords(stripped))) {
                institution = stripped;
            } else {
                specialty.add(stripped.replaceFirst("(?iu)^(по\\s+)?(специальност[а-я]*|квалификаци[а-я]*|направлени[а-я]*)\\s*[:\\-–—]?\\s*", ""));
            }
        }
        String specialtyText = specialty.isEmpty() ? null : String.join(", ", specialty);
        Boolean pedagogical = null;
        String qualification = specialtyText == null ? "" : specialtyText;
        if (vocabulary.any(Dictionary.PEDAGOGICAL_QUALIFICATION, qualification)) {
            pedagogical = Boolean.TRUE;
        } else if (vocabulary.any(Dictionary.NON_PEDAGOGICAL, qualification)) {
            pedagogical = Boolean.FALSE;
        } else if (institution != null && vocabulary.any(Dictionary.PEDAGOGICAL_INSTITUTION, institution)) {
            pedagogical = Boolean.TRUE;
        } else if (FormText.key(entry).contains("педагогическ")) {
            pedagogical = Boolean.TRUE;
        }
        return new Education(level, pedagogical, year, cut(specialtyText, 300), cut(institution, 500));
    }

    /** The part without the words that name the institution, so «педагогический университет» is not a qualification. */
    private String withoutInstitutionWords(String part) {
        String key = FormText.key(part);
        return key.replaceAll("педагогическ[а-я]*\\s+(университет|институт|колледж|училищ)[а-я]*", " ");
    }

    // ---------------------------------------------------------------- Повышение квалификации / переподготовка

    public @Nullable List<Training> trainings(Cell cell, List<Problem> problems) {
        String text = FormText.clean(cell.text());
        if (text.isEmpty()) {
            return null;
        }
        if (NONE.matcher(text).matches()) {
            return List.of();
        }
        List<Training> result = new ArrayList<>();
        List<String> entries = FormText.entries(text);
        for (int i = 0; i < entries.size(); i++) {
            result.add(training(entries.get(i), "trainings[" + i + "]", problems));
        }
        return result;
    }

    private Training training(String entry, String field, List<Problem> problems) {
        FormColumn column = FormColumn.TRAININGS;
        Set<String> kinds = vocabulary.values(Dictionary.TRAINING_KIND, entry);
        TrainingKind kind = null;
        if (kinds.size() == 1) {
            kind = enumOf(TrainingKind.class, kinds.iterator().next());
        } else if (kinds.size() > 1) {
            problems.add(new Problem(column, field + ".kind", "В «" + cut(entry, 80) + "» названы и повышение "
                    + "квалификации, и переподготовка: укажите, что это"));
        }
        Integer hours = null;
        Set<Integer> allHours = new LinkedHashSet<>();
        Matcher h = HOURS.matcher(entry);
        while (h.find()) {
            allHours.add(Integer.parseInt(h.group(1)));
        }
        if (allHours.size() == 1) {
            hours = allHours.iterator().next();
            if (hours > 5000) {
                problems.add(new Problem(column, field + ".hours", "Объём «" + hours + " ч» невозможен"));
                hours = null;
            }
        } else if (allHours.size() > 1) {
            problems.add(new Problem(column, field + ".hours", "В «" + cut(entry, 80) + "» несколько объёмов в часах ("
                    + allHours + "): укажите один"));
        }
        String withoutHours = HOURS.matcher(entry).replaceAll(" ");
        Integer year = year(withoutHours, false, column, field + ".year", problems, true);
        String provider = null;
        String title = null;
        List<String> parts = parts(withoutHours);
        for (String part : parts) {
            String stripped = stripYears(part);
            if (stripped.replaceAll("[\\p{P}\\s]", "").isEmpty()) {
                continue;
            }
            boolean providerPart = vocabulary.any(Dictionary.TRAINING_PROVIDER, stripped)
                    && !vocabulary.any(Dictionary.TRAINING_KIND, stripped) && !stripped.matches("^[«\"“„].*");
            if (providerPart && provider == null && (title != null || parts.size() > 1)) {
                provider = stripped;
            } else if (title == null) {
                title = titleOf(stripped);
            }
        }
        if (title != null && title.isBlank()) {
            title = null;
        }
        Boolean listed = registry.listed(title == null ? entry : title);
        if (listed == null && title != null) {
            listed = registry.listed(entry);
        }
        return new Training(cut(title, 500), cut(provider, 500), year, hours, kind, listed);
    }

    private String titleOf(String part) {
        Matcher quoted = QUOTED.matcher(part);
        if (quoted.find()) {
            return quoted.group(1).strip();
        }
        String title = part;
        for (Match m : vocabulary.find(Dictionary.TRAINING_KIND, part)) {
            if (m.from() == 0 || FormText.tokens(part).size() > m.to()) {
                String key = FormText.key(part);
                title = part.substring(Math.min(m.end(), key.length()));
                break;
            }
        }
        return title.replaceFirst("(?iu)^[\\s:,.\\-–—]*(по\\s+)?(дополнительной\\s+)?(профессиональной\\s+)?(программе|программ[ыа]|теме|курсу|направлению)?\\s*[:\\-–—]?\\s*", "")
                .replaceAll("^[«\"]|[»\"]$", "").strip();
    }

    private static String stripYears(String part) {
        return part.replaceAll("(?iu)\\b(с\\s+|по\\s+)?\\d{1,2}\\.\\d{1,2}\\.(\\d{4}|\\d{2})\\s*(г\\.?)?", " ")
                .replaceAll("(?iu)(?<!\\d)(19[5-9]\\d|20\\d\\d)\\s*(г\\.?|году|года|гг\\.?)?(?![\\d])", " ")
                .replaceAll("(?iu)\\b(в|с|по)\\s*$", "")
                .replaceAll("\\s+", " ").replaceAll("^[\\s,.:;\\-–—]+|[\\s,.:;\\-–—(]+$", "").strip();
    }

    // ---------------------------------------------------------------- Основное место работы

    public @Nullable Employment employment(Cell cell, List<Problem> problems) {
        FormColumn column = FormColumn.EMPLOYMENT;
        String text = FormText.clean(cell.text()).replace('\n', ',');
        if (text.isEmpty()) {
            return null;
        }
        List<String> parts = parts(text);
        String organization = null;
        int organizationPart = -1;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (vocabulary.any(Dictionary.ORGANIZATION_KIND, part) && !vocabulary.any(Dictionary.POSITION, part)
                    || QUOTED.matcher(part).find() && !vocabulary.any(Dictionary.POSITION, part)) {
                organization = part;
                organizationPart = i;
                break;
            }
        }
        if (organization == null) {
            for (int i = 0; i < parts.size(); i++) {
                if (vocabulary.any(Dictionary.ORGANIZATION_KIND, parts.get(i))) {
                    organization = parts.get(i);
                    organizationPart = i;
                    break;
                }
            }
        }
        OrganizationKind organizationKind = null;
        if (organization != null) {
            Set<String> kinds = vocabulary.values(Dictionary.ORGANIZATION_KIND, organization);
            if (kinds.size() == 1) {
                organizationKind = enumOf(OrganizationKind.class, kinds.iterator().next());
            }
        } else {
            problems.add(new Problem(column, "employment.organization", "Не найдено название образовательной организации в «"
                    + cut(text, 80) + "»"));
        }
        StringBuilder others = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i != organizationPart) {
                others.append(parts.get(i)).append(", ");
            }
        }
        String rest = others.toString();
        String positionSource = organizationPart >= 0 && !vocabulary.any(Dictionary.POSITION, rest) ? organization : rest;
        List<Match> positionMatches = vocabulary.find(Dictionary.POSITION, positionSource);
        Set<String> positions = new LinkedHashSet<>();
        positionMatches.forEach(m -> positions.add(m.value()));
        Position position = null;
        String positionTitle = null;
        if (positions.size() == 1) {
            position = enumOf(Position.class, positions.iterator().next());
        } else if (positions.size() > 1) {
            problems.add(new Problem(column, "employment.position", "Названо несколько должностей ("
                    + labels(Position.class, positions) + "): укажите основную должность"));
        } else {
            problems.add(new Problem(column, "employment.position", "Не удалось прочитать должность в «" + cut(text, 80) + "»"));
        }
        if (position != null) {
            for (String part : parts(positionSource)) {
                if (vocabulary.any(Dictionary.POSITION, part)) {
                    positionTitle = part;
                    break;
                }
            }
        }
        Set<String> categories = vocabulary.values(Dictionary.CATEGORY, rest);
        QualificationCategory category = null;
        if (categories.size() == 1) {
            category = enumOf(QualificationCategory.class, categories.iterator().next());
        } else if (categories.size() > 1) {
            problems.add(new Problem(column, "employment.qualificationCategory", "Квалификационная категория неоднозначна ("
                    + labels(QualificationCategory.class, categories) + ")"));
        }
        Integer pedagogical = null;
        Integer specialty = null;
        Set<Integer> pedagogicalYears = new LinkedHashSet<>();
        Set<Integer> specialtyYears = new LinkedHashSet<>();
        for (String part : parts(rest)) {
            String key = FormText.key(part);
            if (!key.contains("стаж") && !key.matches(".*(в должности|по специальности|педагогическ|работ).*")) {
                continue;
            }
            Set<Integer> numbers = new LinkedHashSet<>();
            Matcher m = EXPERIENCE.matcher(part);
            while (m.find()) {
                numbers.add(Integer.parseInt(m.group(1)));
            }
            if (numbers.isEmpty()) {
                Matcher after = EXPERIENCE_AFTER.matcher(part);
                if (after.find()) {
                    numbers.add(Integer.parseInt(after.group(1)));
                }
            }
            if (numbers.isEmpty()) {
                continue;
            }
            if (key.matches(".*(общ|трудов|всего).*") && !key.contains("педагогическ")) {
                continue;
            }
            if (key.matches(".*(специальн|в должности|по предмету|в данной должности|по профилю).*")) {
                specialtyYears.addAll(numbers.size() == 1 ? numbers : Set.of(-1));
            } else {
                pedagogicalYears.addAll(numbers.size() == 1 ? numbers : Set.of(-1));
            }
        }
        if (pedagogicalYears.size() == 1 && pedagogicalYears.iterator().next() >= 0) {
            pedagogical = pedagogicalYears.iterator().next();
        } else if (!pedagogicalYears.isEmpty()) {
            problems.add(new Problem(column, "employment.pedagogicalExperienceYears", "Педагогический стаж указан "
                    + "неоднозначно в «" + cut(text, 80) + "»: укажите одно число лет"));
        }
        if (specialtyYears.size() == 1 && specialtyYears.iterator().next() >= 0) {
            specialty = specialtyYears.iterator().next();
        } else if (!specialtyYears.isEmpty()) {
            problems.add(new Problem(column, "employment.specialtyExperienceYears", "Стаж по специальности указан неоднозначно"));
        }
        if (pedagogical != null && specialty != null && specialty > pedagogical) {
            problems.add(new Problem(column, "employment.specialtyExperienceYears", "Стаж по специальности ("
                    + specialty + ") больше педагогического (" + pedagogical + ")"));
        }
        if (pedagogical != null && pedagogical > 70) {
            problems.add(new Problem(column, "employment.pedagogicalExperienceYears", "Стаж " + pedagogical + " лет невозможен"));
            pedagogical = null;
        }
        List<String> subjects = new ArrayList<>(vocabulary.values(Dictionary.SUBJECT, rest.isBlank() ? "" : rest));
        return new Employment(cut(organization, 500), organizationKind, position, cut(positionTitle, 300), Boolean.TRUE,
                category, pedagogical, specialty, subjects.isEmpty() ? null : subjects);
    }

    // ---------------------------------------------------------------- Опыт методической работы

    /** Memberships read from the methodical-experience cell, and its entries as text. */
    public record Methodical(List<Membership> memberships, List<String> experience) {
    }

    public @Nullable Methodical methodical(Cell cell, List<Problem> problems) {
        String text = FormText.clean(cell.text());
        if (text.isEmpty()) {
            return null;
        }
        if (NONE.matcher(text).matches()) {
            return new Methodical(List.of(), List.of());
        }
        List<Membership> memberships = new ArrayList<>();
        List<String> experience = new ArrayList<>();
        for (String entry : FormText.entries(text)) {
            experience.add(cut(entry, 1000));
            List<String> units = new ArrayList<>();
            for (String part : parts(entry)) {
                if (units.isEmpty() || vocabulary.any(Dictionary.MEMBERSHIP_KIND, part)
                        && vocabulary.any(Dictionary.MEMBERSHIP_KIND, units.get(units.size() - 1))) {
                    units.add(part);
                } else {
                    units.set(units.size() - 1, units.get(units.size() - 1) + ", " + part);
                }
            }
            for (String unit : units) {
                Membership membership = membership(unit, "memberships[" + memberships.size() + "]", problems);
                if (membership != null) {
                    memberships.add(membership);
                }
            }
        }
        return new Methodical(memberships, experience);
    }

    private @Nullable Membership membership(String unit, String field, List<Problem> problems) {
        FormColumn column = FormColumn.METHODICAL;
        List<Match> kindMatches = vocabulary.find(Dictionary.MEMBERSHIP_KIND, unit);
        if (kindMatches.isEmpty()) {
            return null;
        }
        Set<String> kinds = new LinkedHashSet<>();
        kindMatches.forEach(m -> kinds.add(m.value()));
        MembershipKind kind = null;
        if (kinds.size() == 1) {
            kind = enumOf(MembershipKind.class, kinds.iterator().next());
        } else {
            problems.add(new Problem(column, field + ".kind", "В «" + cut(unit, 80) + "» названо несколько видов участия ("
                    + labels(MembershipKind.class, kinds) + "): запишите каждое участие отдельной строкой"));
        }
        Set<String> roles = vocabulary.values(Dictionary.ROLE, unit);
        MembershipRole role = null;
        if (roles.size() == 1) {
            role = enumOf(MembershipRole.class, roles.iterator().next());
        } else if (roles.size() > 1) {
            problems.add(new Problem(column, field + ".role", "Роль в «" + cut(unit, 80) + "» неоднозначна ("
                    + labels(MembershipRole.class, roles) + ")"));
        }
        Level level = level(unit, kindMatches, column, field + ".level", problems);
        return new Membership(kind, role, level, cut(unit, 500));
    }

    /** The level of a membership or achievement: the one before «этап» if there is one, else the only one named. */
    private @Nullable Level level(String text, List<Match> kindMatches, FormColumn column, String field, List<Problem> problems) {
        List<Match> levels = new ArrayList<>(vocabulary.find(Dictionary.LEVEL, text));
        levels.removeIf(l -> kindMatches.stream().anyMatch(k -> k.to() - k.from() > 1 && l.from() >= k.from() && l.to() <= k.to()));
        if (levels.isEmpty()) {
            return null;
        }
        List<FormText.Token> tokens = FormText.tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).text().startsWith("этап")) {
                int at = i;
                var before = levels.stream().filter(l -> l.to() == at).findFirst();
                long stages = tokens.stream().filter(t -> t.text().startsWith("этап")).count();
                if (before.isPresent() && stages == 1 && levels.stream().filter(l -> l.to() <= at).count() == 1) {
                    return enumOf(Level.class, before.get().value());
                }
                break;
            }
        }
        Set<String> distinct = new LinkedHashSet<>();
        levels.forEach(l -> distinct.add(l.value()));
        if (distinct.size() == 1) {
            return enumOf(Level.class, distinct.iterator().next());
        }
        problems.add(new Problem(column, field, "Уровень в «" + cut(text, 80) + "» неоднозначен ("
                + labels(Level.class, distinct) + "): укажите один уровень в записи"));
        return null;
    }

    // ---------------------------------------------------------------- Контактные данные

    public @Nullable Contacts contacts(Cell cell, List<Problem> problems) {
        FormColumn column = FormColumn.CONTACTS;
        String text = FormText.clean(cell.text()).replace('\n', ' ');
        if (text.isEmpty()) {
            return null;
        }
        String email = null;
        StringBuilder rest = new StringBuilder();
        for (String word : text.split("[\\s,;]+")) {
            if (word.contains("@")) {
                String latin = latinEmail(word.replaceAll("^(?iu)(e-?mail|эл\\.?\\s*почта|почта)[:]?", "")
                        .replaceAll("^[\\p{P}&&[^_]]+|[\\p{P}&&[^_]]+$", ""));
                if (EMAIL.matcher(latin).matches()) {
                    if (email == null) {
                        email = latin.toLowerCase(Locale.ROOT);
                    }
                } else {
                    problems.add(new Problem(column, "contacts.email", "Адрес электронной почты «" + word + "» не читается"));
                }
            } else {
                rest.append(word).append(' ');
            }
        }
        String phone = null;
        Matcher m = PHONE.matcher(rest);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            if (digits.length() == 11 && (digits.startsWith("8") || digits.startsWith("7"))) {
                digits = digits.substring(1);
            }
            if (digits.length() == 10) {
                phone = "+7 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6, 8)
                        + "-" + digits.substring(8);
                break;
            }
        }
        if (phone == null && rest.toString().replaceAll("\\D", "").length() >= 5) {
            problems.add(new Problem(column, "contacts.phone", "Номер телефона «" + rest.toString().strip()
                    + "» не читается: нужен номер из 10 цифр с кодом (мобильный или с кодом города)"));
        }
        if (phone == null && email == null) {
            return null;
        }
        return new Contacts(phone, email);
    }

    private static String latinEmail(String word) {
        String cyr = "аАоОеЕсСрРхХуВНКМТкіі";
        String lat = "aAoOeEcCpPxXyBHKMTkii";
        StringBuilder out = new StringBuilder();
        for (char c : word.toCharArray()) {
            int at = cyr.indexOf(c);
            out.append(at >= 0 ? lat.charAt(at) : c);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- Профессиональные достижения

    public @Nullable List<Achievement> achievements(Cell cell, List<Problem> problems) {
        String text = FormText.clean(cell.text());
        if (text.isEmpty()) {
            return null;
        }
        if (NONE.matcher(text).matches()) {
            return List.of();
        }
        List<Achievement> result = new ArrayList<>();
        List<String> entries = FormText.entries(text);
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            String field = "achievements[" + i + "]";
            FormColumn column = FormColumn.ACHIEVEMENTS;
            Set<String> results = vocabulary.values(Dictionary.RESULT, entry);
            AchievementResult outcome = null;
            if (results.size() == 1) {
                outcome = enumOf(AchievementResult.class, results.iterator().next());
            } else if (results.size() > 1) {
                problems.add(new Problem(column, field + ".result", "Результат в «" + cut(entry, 80) + "» неоднозначен ("
                        + labels(AchievementResult.class, results) + ")"));
            } else {
                problems.add(new Problem(column, field + ".result", "Не удалось прочитать результат (победитель, призёр, "
                        + "участник) в «" + cut(entry, 80) + "»"));
            }
            Level level = level(entry, vocabulary.find(Dictionary.MEMBERSHIP_KIND, entry), column, field + ".level", problems);
            Integer year = year(entry, false, column, field + ".year", problems, false);
            result.add(new Achievement(cut(entry, 500), level, outcome, year));
        }
        return result;
    }

    // ---------------------------------------------------------------- Основание

    public @Nullable Nomination basis(Cell cell) {
        String text = FormText.clean(cell.text());
        return text.isEmpty() ? null : new Nomination(null, cut(text, 500));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The one year a text names (a date's year counts), or null. Two different years are a problem, except a
     * range «2019–2021» when {@code rangeEnd} (a course finished in its last year).
     */
    private @Nullable Integer year(String text, boolean past, FormColumn column, String field, List<Problem> problems,
                                   boolean rangeEnd) {
        Set<Integer> years = new LinkedHashSet<>();
        Matcher dates = DMY.matcher(text);
        while (dates.find()) {
            String y = dates.group(3);
            years.add(y.length() == 4 ? Integer.parseInt(y) : 2000 + Integer.parseInt(y));
        }
        String rest = DMY.matcher(text).replaceAll(" ");
        Matcher plain = YEAR.matcher(rest);
        while (plain.find()) {
            years.add(Integer.parseInt(plain.group(1)));
        }
        if (years.isEmpty()) {
            return null;
        }
        if (years.size() == 2 && rangeEnd) {
            Matcher range = YEAR_RANGE.matcher(text.replaceAll("(?<!\\d)\\d{1,2}\\.\\d{1,2}\\.(\\d{4})", "$1"));
            if (range.find()) {
                years = Set.of(Math.max(Integer.parseInt(range.group(1)), Integer.parseInt(range.group(2))));
            }
        }
        if (years.size() > 1) {
            problems.add(new Problem(column, field, "В «" + cut(text, 80) + "» несколько лет (" + years
                    + "): непонятно, какой из них"));
            return null;
        }
        int year = years.iterator().next();
        if (year > today.getYear()) {
            problems.add(new Problem(column, field, "Год " + year + " ещё не наступил"));
            return null;
        }
        return year;
    }

    /** The parts of an entry separated by commas (and «/» or «:» no), commas inside «…» or (…) kept. */
    static List<String> parts(String entry) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int quotes = 0;
        char previous = ' ';
        StringBuilder current = new StringBuilder();
        for (char c : entry.toCharArray()) {
            if (c == '«' || c == '(') {
                depth++;
            } else if ((c == '»' || c == ')') && depth > 0) {
                depth--;
            } else if (c == '"') {
                quotes ^= 1;
            }
            if ((c == ',' || c == '\n' || c == ';') && previous == '»') {
                depth = 0;
            }
            previous = c == ' ' ? previous : c;
            if ((c == ',' || c == '\n' || c == ';') && depth == 0 && quotes == 0) {
                if (!current.toString().isBlank()) {
                    parts.add(current.toString().strip());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        return parts;
    }

    private static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> String labels(Class<E> type, Set<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            E e = enumOf(type, v);
            out.add(e instanceof ru.edu.decisions.model.Labelled l ? l.label() : v);
        }
        return String.join(" / ", out);
    }

    private static <T> @Nullable T problem(List<Problem> problems, FormColumn column, String field, String message) {
        problems.add(new Problem(column, field, message));
        return null;
    }

    private static <T> @Nullable List<T> problemList(List<Problem> problems, FormColumn column, String field, String message) {
        problems.add(new Problem(column, field, message));
        return null;
    }

    static @Nullable String cut(@Nullable String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    /** Problems grouped by column, for callers that address cells. */
    public static Map<FormColumn, List<Problem>> byColumn(List<Problem> problems) {
        Map<FormColumn, List<Problem>> map = new EnumMap<>(FormColumn.class);
        problems.forEach(p -> map.computeIfAbsent(p.column(), c -> new ArrayList<>()).add(p));
        return map;
    }
}
