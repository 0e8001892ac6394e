package ru.edu.decisions.rules.forms;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as the form writes them: дд.мм.гггг. */
public final class Dates {

    private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private Dates() {
    }

    public static String format(LocalDate date) {
        return date.format(FORM);
    }
}
