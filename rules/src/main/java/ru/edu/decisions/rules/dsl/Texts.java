package ru.edu.decisions.rules.dsl;

import java.util.Collection;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.Assessment;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.Labelled;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.Training;

/**
 * Russian wording of a person's own data, for the messages the rules write
 * (imported with {@code import static ru.edu.decisions.rules.dsl.Texts.*}). Formatting only: no decisions here.
 */
public final class Texts {

    private static final String NOT_GIVEN = "не указано";

    private Texts() {
    }

    /** «1 год», «3 года», «12 лет». */
    public static String years(int n) {
        int mod100 = Math.abs(n) % 100;
        int mod10 = mod100 % 10;
        String word;
        if (mod100 >= 11 && mod100 <= 14) {
            word = "лет";
        } else if (mod10 == 1) {
            word = "год";
        } else if (mod10 >= 2 && mod10 <= 4) {
            word = "года";
        } else {
            word = "лет";
        }
        return n + " " + word;
    }

    public static String label(@Nullable Labelled value) {
        return value == null ? NOT_GIVEN : value.label();
    }

    public static String quoted(@Nullable String text) {
        return text == null || text.isBlank() ? NOT_GIVEN : "«" + text.strip() + "»";
    }

    /** «высшее, «Математика» (2007), ОмГПУ». */
    public static String education(Education e) {
        StringJoiner text = new StringJoiner(", ");
        text.add(e.level() == null ? "уровень не указан" : e.level().label());
        if (e.specialty() != null) {
            text.add(quoted(e.specialty()) + (e.year() == null ? "" : " (" + e.year() + ")"));
        } else if (e.year() != null) {
            text.add(String.valueOf(e.year()));
        }
        if (Boolean.FALSE.equals(e.pedagogical())) {
            text.add("непедагогическое");
        } else if (e.pedagogical() == null) {
            text.add("педагогическое или нет — не указано");
        }
        return text.toString();
    }

    public static String training(Training t) {
        StringJoiner text = new StringJoiner(", ");
        text.add(quoted(t.title()));
        if (t.provider() != null) {
            text.add(t.provider().strip());
        }
        if (t.year() != null) {
            text.add(t.year() + " г.");
        }
        if (t.hours() != null) {
            text.add(t.hours() + " ч");
        }
        text.add(t.kind() == null ? "вид не указан" : t.kind().label());
        text.add(t.federalRegistry() == null ? "вхождение в федеральный реестр не указано"
                : t.federalRegistry() ? "программа из федерального реестра" : "программа не из федерального реестра");
        return text.toString();
    }

    /** «предметная комиссия ГИА (ОГЭ, математика): член, уровень муниципальный». */
    public static String membership(Membership m) {
        return (m.kind() == null ? "вид объединения не указан" : m.kind().label())
                + (m.title() == null ? "" : " (" + m.title().strip() + ")")
                + ": " + (m.role() == null ? "роль не указана" : m.role().label())
                + ", " + (m.level() == null ? "уровень не указан" : "уровень " + m.level().label());
    }

    public static String achievement(Achievement a) {
        return quoted(a.title()) + (a.year() == null ? "" : " " + a.year() + " г.")
                + ": " + (a.result() == null ? "результат не указан" : a.result().label())
                + ", " + (a.level() == null ? "уровень не указан" : "уровень " + a.level().label());
    }

    public static String assessment(Assessment a) {
        return (a.kind() == null ? "вид оценки не указан" : a.kind().label())
                + ": " + (a.result() == null ? "результат не указан" : a.result().label()) + (a.date() == null ? "" : " (" + a.date() + ")");
    }

    /** Joins the descriptions of several entries with «; ». */
    public static String describeAll(Collection<?> list) {
        return list.stream().map(Texts::describe).collect(Collectors.joining("; "));
    }

    /** « (указано: …)», or nothing for an empty list: what the person did give, for a NOT_MET message. */
    public static String given(@Nullable Collection<?> list) {
        return list == null || list.isEmpty() ? "" : " (указано: " + describeAll(list) + ")";
    }

    public static String describe(@Nullable Object entry) {
        if (entry instanceof Education e) {
            return education(e);
        } else if (entry instanceof Training t) {
            return training(t);
        } else if (entry instanceof Membership m) {
            return membership(m);
        } else if (entry instanceof Achievement a) {
            return achievement(a);
        } else if (entry instanceof Assessment a) {
            return assessment(a);
        } else if (entry instanceof Labelled l) {
            return l.label();
        }
        return Objects.toString(entry, NOT_GIVEN);
    }
}
