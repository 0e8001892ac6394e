package ru.edu.decisions.service.candidates;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static java.util.Map.entry;

/**
 * The fields of the candidate form in Russian words: a JSON path of the profile that a decision names as missing
 * ({@code employment.specialtyExperienceYears}, {@code memberships[1].level}) as the person reads it
 * («Основное место работы: стаж по специальности, лет», «Членство, строка 2: уровень»).
 */
public final class ProfilePaths {

    private static final Map<String, String> SECTIONS = Map.ofEntries(
            entry("fullName", "ФИО"),
            entry("birthDate", "Дата рождения"),
            entry("education", "Образование"),
            entry("trainings", "Повышение квалификации и переподготовка"),
            entry("employment", "Основное место работы"),
            entry("memberships", "Участие в комиссиях, сообществах, площадках"),
            entry("methodicalExperience", "Опыт методической работы"),
            entry("stableHighStudentResults", "Стабильно высокие результаты обучающихся"),
            entry("contacts", "Контакты"),
            entry("achievements", "Конкурсы профессионального мастерства"),
            entry("assessments", "Оценка профессиональных компетенций"),
            entry("nomination", "Представление"),
            entry("asOf", "Решить на дату"));

    private static final Map<String, String> FIELDS = Map.ofEntries(
            entry("education.level", "уровень"),
            entry("education.pedagogical", "педагогическое"),
            entry("education.year", "год окончания"),
            entry("education.specialty", "специальность"),
            entry("education.institution", "образовательная организация"),
            entry("trainings.title", "программа"),
            entry("trainings.provider", "организация"),
            entry("trainings.year", "год"),
            entry("trainings.hours", "часов"),
            entry("trainings.kind", "вид"),
            entry("trainings.federalRegistry", "программа из федерального реестра"),
            entry("employment.organization", "организация"),
            entry("employment.organizationKind", "тип организации"),
            entry("employment.position", "должность"),
            entry("employment.positionTitle", "наименование должности"),
            entry("employment.mainPlaceOfWork", "основное место работы"),
            entry("employment.qualificationCategory", "квалификационная категория"),
            entry("employment.pedagogicalExperienceYears", "педагогический стаж, лет"),
            entry("employment.specialtyExperienceYears", "стаж по специальности, лет"),
            entry("employment.subjects", "предметы"),
            entry("memberships.kind", "вид"),
            entry("memberships.role", "роль"),
            entry("memberships.level", "уровень"),
            entry("memberships.title", "наименование"),
            entry("contacts.phone", "телефон"),
            entry("contacts.email", "электронная почта"),
            entry("achievements.title", "конкурс"),
            entry("achievements.level", "уровень"),
            entry("achievements.result", "результат"),
            entry("achievements.year", "год"),
            entry("assessments.kind", "вид"),
            entry("assessments.result", "результат"),
            entry("assessments.date", "дата"),
            entry("nomination.nominatedBy", "кто выдвигает"),
            entry("nomination.basis", "основание"));

    private static final Pattern PATH = Pattern.compile("(\\w+)(?:\\[(\\d+)])?(?:\\.(\\w+))?");

    private ProfilePaths() {
    }

    /** The path in Russian words; a path the form does not know is shown as it is. */
    public static String describe(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches() || !SECTIONS.containsKey(m.group(1))) {
            return path;
        }
        StringBuilder text = new StringBuilder(SECTIONS.get(m.group(1)));
        if (m.group(2) != null) {
            text.append(", строка ").append(Integer.parseInt(m.group(2)) + 1);
        }
        if (m.group(3) != null) {
            String field = FIELDS.get(m.group(1) + "." + m.group(3));
            text.append(": ").append(field == null ? m.group(3) : field);
        }
        return text.toString();
    }
}
