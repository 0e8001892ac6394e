package ru.edu.decisions.service.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.edu.decisions.model.Labelled;
import ru.edu.decisions.service.common.DecisionsProperties;

/**
 * How pages show values, as {@code @fmt} in templates: dates as дд.мм.гггг, moments in the service's zone, enum
 * values by their Russian labels, absent values as a dash. One place, so every page reads the same.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    public static final String ABSENT = "—";

    private final ZoneId zone;

    Formats(DecisionsProperties properties) {
        this.zone = properties.timeZone();
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? ABSENT : DATE.format(date);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? ABSENT : DATE_TIME.format(instant.atZone(zone));
    }

    /** An enum value's Russian label (its name when it has none). */
    public String label(@Nullable Object value) {
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof Labelled labelled) {
            return labelled.label();
        }
        return value.toString();
    }

    /** The values of an enum, for a drop-down: each with its name (what is submitted) and Russian label. */
    public <E extends Enum<E>> List<E> values(Class<E> type) {
        return Arrays.asList(type.getEnumConstants());
    }

    public String text(@Nullable Object value) {
        return value == null || value.toString().isBlank() ? ABSENT : value.toString();
    }
}
