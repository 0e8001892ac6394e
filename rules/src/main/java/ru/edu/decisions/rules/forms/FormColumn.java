package ru.edu.decisions.rules.forms;

import java.util.List;

/**
 * The ten columns of the official form (Приложение к Положению о ММА), with the words that recognise each column's
 * title in a header row and the field of the profile a problem of the column names.
 */
public enum FormColumn {
    NUMBER("№ п/п", "number", List.of("№", "п/п", "n п/п")),
    FULL_NAME("Ф.И.О. кандидата", "fullName", List.of("ф.и.о", "фио", "ф. и. о", "фамилия")),
    BIRTH_DATE("Дата рождения", "birthDate", List.of("дата рождения", "год рождения")),
    EDUCATION("Информация о полученном образовании", "education", List.of("полученном образовании", "образовани")),
    TRAININGS("Информация о повышении квалификации / профессиональной переподготовке", "trainings",
            List.of("повышени", "переподготовк")),
    EMPLOYMENT("Информация об основном месте работы", "employment", List.of("месте работы", "место работы")),
    METHODICAL("Информация о наличии опыта методической работы", "methodicalExperience",
            List.of("методической работы", "опыта методической", "методическая работа", "методический опыт")),
    CONTACTS("Контактные данные", "contacts", List.of("контакт")),
    ACHIEVEMENTS("Профессиональные достижения", "achievements", List.of("достижени")),
    BASIS("Основание для включения", "nomination.basis", List.of("основани"));

    private final String title;
    private final String field;
    private final List<String> words;

    FormColumn(String title, String field, List<String> words) {
        this.title = title;
        this.field = field;
        this.words = words;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    /**
     * The column a header cell's title names, or null. Checked in an order that keeps «повышение квалификации» from
     * being read as education and «методической работы» from «места работы».
     */
    public static FormColumn byTitle(String title) {
        String key = FormText.key(title).replace('\n', ' ');
        if (key.isBlank()) {
            return null;
        }
        for (FormColumn column : List.of(TRAININGS, METHODICAL, EMPLOYMENT, BIRTH_DATE, FULL_NAME, CONTACTS, ACHIEVEMENTS,
                BASIS, EDUCATION)) {
            if (column.words.stream().anyMatch(key::contains)) {
                return column;
            }
        }
        if (key.strip().equals("№") || key.startsWith("№") || key.equals("n") || key.contains("п/п")) {
            return NUMBER;
        }
        return null;
    }
}
