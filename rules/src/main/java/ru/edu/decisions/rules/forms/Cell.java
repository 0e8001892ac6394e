package ru.edu.decisions.rules.forms;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One cell of a filled form: its text as shown, and — for a spreadsheet cell holding a date or a number (a formula's
 * cached value included) — that value too.
 */
public record Cell(String text, @Nullable LocalDate date, @Nullable Double number) {

    public Cell {
        text = text == null ? "" : text;
    }

    public static Cell of(@Nullable String text) {
        return new Cell(text == null ? "" : text, null, null);
    }

    public boolean blank() {
        return text.isBlank() && date == null && number == null;
    }
}
