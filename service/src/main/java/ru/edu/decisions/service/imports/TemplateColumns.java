package ru.edu.decisions.service.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.AchievementResult;
import ru.edu.decisions.model.Contacts;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.EducationLevel;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Labelled;
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
import ru.edu.decisions.rules.forms.Cell;
import ru.edu.decisions.rules.forms.FormColumn;
import ru.edu.decisions.rules.forms.FormReader;
import ru.edu.decisions.rules.forms.FormReader.Problem;

/**
 * The IMC's template of the official form: the ten official columns, each split into structured sub-columns (one
 * value per cell, drop-down lists for every choice), so a filled template is read without any ambiguity. The
 * sub-column titles are unique: the import recognises the template by them in the row under the official titles.
 */
public final class TemplateColumns {

    public enum Type { TEXT, NUMBER, DATE, CHOICE, YES_NO }

    public record Column(FormColumn group, int entry, String key, String title, Type type, List<String> choices, String hint) {
    }

    static final int EDUCATIONS = 2;
    static final int TRAININGS = 3;
    static final int MEMBERSHIPS = 3;
    static final int ACHIEVEMENTS = 2;
    static final List<String> YES_NO = List.of("да", "нет");

    static final List<Column> COLUMNS = columns();

    private TemplateColumns() {
    }

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column(FormColumn.NUMBER, 0, "number", "№", Type.TEXT, List.of(), "Порядковый номер"));
        c.add(new Column(FormColumn.FULL_NAME, 0, "fullName", "Фамилия Имя Отчество", Type.TEXT, List.of(), "Полностью, как в паспорте"));
        c.add(new Column(FormColumn.BIRTH_DATE, 0, "birthDate", "Дата (дд.мм.гггг)", Type.DATE, List.of(), "Например, 12.03.1979"));
        for (int i = 1; i <= EDUCATIONS; i++) {
            c.add(new Column(FormColumn.EDUCATION, i, "level", "Образование " + i + ": уровень", Type.CHOICE, labels(EducationLevel.class), "Выберите из списка"));
            c.add(new Column(FormColumn.EDUCATION, i, "pedagogical", "Образование " + i + ": педагогическое", Type.YES_NO, YES_NO, "да / нет"));
            c.add(new Column(FormColumn.EDUCATION, i, "year", "Образование " + i + ": год окончания", Type.NUMBER, List.of(), "Четыре цифры"));
            c.add(new Column(FormColumn.EDUCATION, i, "specialty", "Образование " + i + ": специальность, квалификация", Type.TEXT, List.of(), "Например, учитель математики"));
            c.add(new Column(FormColumn.EDUCATION, i, "institution", "Образование " + i + ": организация", Type.TEXT, List.of(), "Наименование вуза, колледжа"));
        }
        for (int i = 1; i <= TRAININGS; i++) {
            c.add(new Column(FormColumn.TRAININGS, i, "kind", "Обучение " + i + ": вид", Type.CHOICE, labels(TrainingKind.class), "Выберите из списка"));
            c.add(new Column(FormColumn.TRAININGS, i, "title", "Обучение " + i + ": программа", Type.TEXT, List.of(), "Название программы"));
            c.add(new Column(FormColumn.TRAININGS, i, "provider", "Обучение " + i + ": организация", Type.TEXT, List.of(), "Кто проводил"));
            c.add(new Column(FormColumn.TRAININGS, i, "year", "Обучение " + i + ": год", Type.NUMBER, List.of(), "Год окончания"));
            c.add(new Column(FormColumn.TRAININGS, i, "hours", "Обучение " + i + ": часов", Type.NUMBER, List.of(), "Объём в часах"));
        }
        c.add(new Column(FormColumn.EMPLOYMENT, 0, "organization", "Место работы: организация", Type.TEXT, List.of(), "Полное наименование"));
        c.add(new Column(FormColumn.EMPLOYMENT, 0, "organizationKind", "Место работы: вид организации", Type.CHOICE, labels(OrganizationKind.class), "Выберите из списка"));
        c.add(new Column(FormColumn.EMPLOYMENT, 0, "position", "Место работы: должность (вид)", Type.CHOICE, labels(Position.class), "Выберите из списка"));
        c.add(new Column(FormColumn.EMPLOYMENT, 0, "positionTitle", "Место работы: должность по штатному расписанию", Type.TEXT, List.of(), "Например, учитель математики"));
        c.add(new Column(FormColumn.EMPLOYMENT, 0, "category", "Место работы: квалификационная категория", Type.CHOICE, labels(QualificationCategory.class), "Выберите из списка"));
        c.add(new Column(FormColumn.EMPLOYMENT, 0, "pedagogicalYears", "Место работы: педагогический стаж, лет", Type.NUMBER, List.of(), "Полных лет"));
        c.add(new Column(FormColumn.EMPLOYMENT, 0, "specialtyYears", "Место работы: стаж по специальности, лет", Type.NUMBER, List.of(), "Полных лет"));
        c.add(new Column(FormColumn.EMPLOYMENT, 0, "subjects", "Место работы: предметы, направления", Type.TEXT, List.of(), "Через запятую"));
        for (int i = 1; i <= MEMBERSHIPS; i++) {
            c.add(new Column(FormColumn.METHODICAL, i, "kind", "Участие " + i + ": вид", Type.CHOICE, labels(MembershipKind.class), "Выберите из списка"));
            c.add(new Column(FormColumn.METHODICAL, i, "role", "Участие " + i + ": роль", Type.CHOICE, labels(MembershipRole.class), "Выберите из списка"));
            c.add(new Column(FormColumn.METHODICAL, i, "level", "Участие " + i + ": уровень", Type.CHOICE, labels(Level.class), "Выберите из списка"));
            c.add(new Column(FormColumn.METHODICAL, i, "title", "Участие " + i + ": название", Type.TEXT, List.of(), "Например, РМО учителей математики"));
        }
        c.add(new Column(FormColumn.METHODICAL, 0, "experience", "Опыт наставничества и иной методический опыт", Type.TEXT, List.of(), "Каждый пункт с новой строки"));
        c.add(new Column(FormColumn.CONTACTS, 0, "phone", "Мобильный телефон", Type.TEXT, List.of(), "10 цифр с кодом"));
        c.add(new Column(FormColumn.CONTACTS, 0, "email", "E-mail", Type.TEXT, List.of(), "Адрес электронной почты"));
        for (int i = 1; i <= ACHIEVEMENTS; i++) {
            c.add(new Column(FormColumn.ACHIEVEMENTS, i, "title", "Достижение " + i + ": конкурс", Type.TEXT, List.of(), "Название конкурса"));
            c.add(new Column(FormColumn.ACHIEVEMENTS, i, "level", "Достижение " + i + ": уровень", Type.CHOICE, labels(Level.class), "Выберите из списка"));
            c.add(new Column(FormColumn.ACHIEVEMENTS, i, "result", "Достижение " + i + ": результат", Type.CHOICE, labels(AchievementResult.class), "Выберите из списка"));
            c.add(new Column(FormColumn.ACHIEVEMENTS, i, "year", "Достижение " + i + ": год", Type.NUMBER, List.of(), "Год"));
        }
        c.add(new Column(FormColumn.BASIS, 0, "basis", "Основание (пункт 3 Положения)", Type.TEXT, List.of(), "Своими словами"));
        return List.copyOf(c);
    }

    static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList();
    }

    static @Nullable Column byTitle(String title) {
        String key = title.strip().toLowerCase(Locale.ROOT);
        return COLUMNS.stream().filter(c -> c.title().toLowerCase(Locale.ROOT).equals(key)).findFirst().orElse(null);
    }

    /** Reads one row of a filled template: each cell is one value; what is not a listed choice or a number is reported. */
    static FormReader.RowReading read(FormReader reader, Map<Column, Cell> cells) {
        List<Problem> problems = new ArrayList<>();
        Values v = new Values(cells, problems);
        String name = reader.fullName(v.cell(FormColumn.FULL_NAME, 0, "fullName"), problems);
        var birth = reader.birthDate(v.cell(FormColumn.BIRTH_DATE, 0, "birthDate"), problems);
        List<Education> education = new ArrayList<>();
        for (int i = 1; i <= EDUCATIONS; i++) {
            if (v.anyOf(FormColumn.EDUCATION, i)) {
                String f = "education[" + (i - 1) + "]";
                education.add(new Education(v.choice(FormColumn.EDUCATION, i, "level", EducationLevel.class, f),
                        v.yesNo(FormColumn.EDUCATION, i, "pedagogical", f), v.number(FormColumn.EDUCATION, i, "year", f, 1930, 2100),
                        v.text(FormColumn.EDUCATION, i, "specialty"), v.text(FormColumn.EDUCATION, i, "institution")));
            }
        }
        List<Training> trainings = new ArrayList<>();
        for (int i = 1; i <= TRAININGS; i++) {
            if (v.anyOf(FormColumn.TRAININGS, i)) {
                String f = "trainings[" + (i - 1) + "]";
                String title = v.text(FormColumn.TRAININGS, i, "title");
                trainings.add(new Training(title, v.text(FormColumn.TRAININGS, i, "provider"),
                        v.number(FormColumn.TRAININGS, i, "year", f, 1930, reader.today().getYear()),
                        v.number(FormColumn.TRAININGS, i, "hours", f, 1, 5000),
                        v.choice(FormColumn.TRAININGS, i, "kind", TrainingKind.class, f),
                        title == null ? null : reader.federalRegistry(title)));
            }
        }
        Employment employment = null;
        if (v.anyOf(FormColumn.EMPLOYMENT, 0)) {
            String subjects = v.text(FormColumn.EMPLOYMENT, 0, "subjects");
            employment = new Employment(v.text(FormColumn.EMPLOYMENT, 0, "organization"),
                    v.choice(FormColumn.EMPLOYMENT, 0, "organizationKind", OrganizationKind.class, "employment"),
                    v.choice(FormColumn.EMPLOYMENT, 0, "position", Position.class, "employment"),
                    v.text(FormColumn.EMPLOYMENT, 0, "positionTitle"), Boolean.TRUE,
                    v.choice(FormColumn.EMPLOYMENT, 0, "category", QualificationCategory.class, "employment"),
                    v.number(FormColumn.EMPLOYMENT, 0, "pedagogicalYears", "employment", 0, 80),
                    v.number(FormColumn.EMPLOYMENT, 0, "specialtyYears", "employment", 0, 80),
                    subjects == null ? null : Arrays.stream(subjects.split("\\s*[,;\\n]\\s*")).filter(s -> !s.isBlank()).toList());
        }
        List<Membership> memberships = new ArrayList<>();
        for (int i = 1; i <= MEMBERSHIPS; i++) {
            if (v.anyOf(FormColumn.METHODICAL, i)) {
                String f = "memberships[" + (i - 1) + "]";
                memberships.add(new Membership(v.choice(FormColumn.METHODICAL, i, "kind", MembershipKind.class, f),
                        v.choice(FormColumn.METHODICAL, i, "role", MembershipRole.class, f),
                        v.choice(FormColumn.METHODICAL, i, "level", Level.class, f), v.text(FormColumn.METHODICAL, i, "title")));
            }
        }
        String experienceText = v.text(FormColumn.METHODICAL, 0, "experience");
        List<String> experience = new ArrayList<>();
        memberships.forEach(m -> {
            if (m.title() != null) {
                experience.add(m.title());
            }
        });
        if (experienceText != null) {
            ru.edu.decisions.rules.forms.FormText.entries(experienceText).forEach(experience::add);
        }
        String phone = v.text(FormColumn.CONTACTS, 0, "phone");
        String email = v.text(FormColumn.CONTACTS, 0, "email");
        Contacts contacts = phone == null && email == null ? null
                : reader.contacts(Cell.of((phone == null ? "" : phone) + " " + (email == null ? "" : email)), problems);
        List<Achievement> achievements = new ArrayList<>();
        for (int i = 1; i <= ACHIEVEMENTS; i++) {
            if (v.anyOf(FormColumn.ACHIEVEMENTS, i)) {
                String f = "achievements[" + (i - 1) + "]";
                achievements.add(new Achievement(v.text(FormColumn.ACHIEVEMENTS, i, "title"),
                        v.choice(FormColumn.ACHIEVEMENTS, i, "level", Level.class, f),
                        v.choice(FormColumn.ACHIEVEMENTS, i, "result", AchievementResult.class, f),
                        v.number(FormColumn.ACHIEVEMENTS, i, "year", f, 1930, reader.today().getYear())));
            }
        }
        String basis = v.text(FormColumn.BASIS, 0, "basis");
        TeacherProfile profile = new TeacherProfile(null, name, birth, education.isEmpty() ? null : education,
                trainings, employment, memberships, achievements, null, null, experience.isEmpty() ? null : experience,
                contacts, basis == null ? null : new Nomination(null, basis));
        return new FormReader.RowReading(profile, problems);
    }

    /** The cells of a template row by sub-column, with typed reading and problems named by the sub-column's key. */
    private record Values(Map<Column, Cell> cells, List<Problem> problems) {

        Cell cell(FormColumn group, int entry, String key) {
            return cells.entrySet().stream()
                    .filter(e -> e.getKey().group() == group && e.getKey().entry() == entry && e.getKey().key().equals(key))
                    .map(Map.Entry::getValue).findFirst().orElse(Cell.of(""));
        }

        boolean anyOf(FormColumn group, int entry) {
            return cells.entrySet().stream().anyMatch(e -> e.getKey().group() == group && e.getKey().entry() == entry
                    && !e.getValue().blank());
        }

        @Nullable String text(FormColumn group, int entry, String key) {
            String text = ru.edu.decisions.rules.forms.FormText.clean(cell(group, entry, key).text());
            return text.isEmpty() ? null : text;
        }

        @Nullable Integer number(FormColumn group, int entry, String key, String field, int min, int max) {
            Cell cell = cell(group, entry, key);
            if (cell.blank()) {
                return null;
            }
            String text = cell.text().strip().replaceAll("(?iu)\\s*(г\\.?|года?|лет|ч\\.?|час(ов|а)?)$", "");
            try {
                int value = cell.number() != null && cell.number() == Math.rint(cell.number())
                        ? cell.number().intValue() : Integer.parseInt(text);
                if (value < min || value > max) {
                    problems.add(new Problem(group, field + "." + key, "Число " + value + " вне допустимых границ ("
                            + min + "–" + max + ")"));
                    return null;
                }
                return value;
            } catch (NumberFormatException e) {
                problems.add(new Problem(group, field + "." + key, "«" + cell.text().strip() + "» — не число"));
                return null;
            }
        }

        <E extends Enum<E> & Labelled> @Nullable E choice(FormColumn group, int entry, String key, Class<E> type, String field) {
            String text = text(group, entry, key);
            if (text == null) {
                return null;
            }
            for (E value : type.getEnumConstants()) {
                if (value.label().equalsIgnoreCase(text) || value.name().equalsIgnoreCase(text)) {
                    return value;
                }
            }
            problems.add(new Problem(group, field + "." + key, "«" + text + "» — нет в списке; выберите одно из: "
                    + String.join(", ", labels(type))));
            return null;
        }

        @Nullable Boolean yesNo(FormColumn group, int entry, String key, String field) {
            String text = text(group, entry, key);
            if (text == null) {
                return null;
            }
            if (text.equalsIgnoreCase("да")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("нет")) {
                return Boolean.FALSE;
            }
            problems.add(new Problem(group, field + "." + key, "«" + text + "» — ответьте «да» или «нет»"));
            return null;
        }
    }
}
