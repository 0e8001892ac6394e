package ru.edu.decisions.service.routes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.routes.CompetenceArea;
import ru.edu.decisions.model.routes.Diagnostics;
import ru.edu.decisions.model.routes.Preferences;
import ru.edu.decisions.service.routes.RouteViews.DiagnosticsSubmission;

/**
 * The diagnostics form of the workspace as typed: the date, a score per competence area (by the area's name; empty
 * = not assessed) and the distance-only preference; its checks in Russian and the submission the API would take.
 */
record DiagnosticsForm(@Nullable String date, @Nullable Map<String, String> scores, boolean distanceOnly) {

    static DiagnosticsForm empty(LocalDate today) {
        return new DiagnosticsForm(today.toString(), Map.of(), false);
    }

    /** The typed score of an area ("" when none). */
    public String score(CompetenceArea area) {
        String value = scores == null ? null : scores.get(area.name());
        return value == null ? "" : value;
    }

    /** The errors by field name ({@code date}, the area's name, {@code scores} for the whole); empty when valid. */
    Map<String, String> errors(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (date == null || date.isBlank()) {
            errors.put("date", "Укажите дату диагностики");
        } else {
            try {
                if (LocalDate.parse(date.strip()).isAfter(today)) {
                    errors.put("date", "Дата диагностики не может быть в будущем");
                }
            } catch (DateTimeParseException e) {
                errors.put("date", "Укажите дату в виде дд.мм.гггг");
            }
        }
        int given = 0;
        for (CompetenceArea area : CompetenceArea.values()) {
            String value = score(area).strip();
            if (value.isEmpty()) {
                continue;
            }
            given++;
            Integer number = number(value);
            if (number == null) {
                errors.put(area.name(), "Балл — целое число от 0 до 100");
            } else if (number < 0 || number > 100) {
                errors.put(area.name(), "Балл должен быть от 0 до 100, указано " + number);
            }
        }
        if (given == 0) {
            errors.put("scores", "Укажите балл хотя бы по одной области");
        }
        return errors;
    }

    /** What {@code POST /api/v1/teachers/{id}/diagnostics} would take (call only when there are no errors). */
    DiagnosticsSubmission submission() {
        Map<CompetenceArea, Integer> values = new EnumMap<>(CompetenceArea.class);
        for (CompetenceArea area : CompetenceArea.values()) {
            String value = score(area).strip();
            if (!value.isEmpty()) {
                values.put(area, number(value));
            }
        }
        return new DiagnosticsSubmission(null, new Diagnostics(LocalDate.parse(date.strip()), values),
                new Preferences(distanceOnly), null);
    }

    private static @Nullable Integer number(String text) {
        try {
            return Integer.valueOf(text.replace(',', '.').strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
