package ru.edu.decisions.service.common;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The dates a request may carry ({@code decisions.dates.min} … {@code decisions.dates.max}, by default 1900-01-01 …
 * 2100-12-31): {@code asOf} and every date inside a profile, diagnostics or mentoring request. A date outside is a
 * typing error (a year 20226, a year 0), never something to decide on or to store — and far dates would not fit the
 * database anyway.
 */
public record DateRange(LocalDate min, LocalDate max) {

    /** A Jackson reader attribute: the document was stored by the service itself, its dates are not checked again. */
    public static final String STORED = DateRange.class.getName() + ".stored";

    public static final LocalDate DEFAULT_MIN = LocalDate.of(1900, 1, 1);
    public static final LocalDate DEFAULT_MAX = LocalDate.of(2100, 12, 31);

    public DateRange {
        if (min.isAfter(max)) {
            throw new IllegalArgumentException("decisions.dates.min (" + min + ") is after decisions.dates.max (" + max + ")");
        }
    }

    /** The range configured in {@code decisions.dates.*}, or the default one. */
    public static DateRange from(Environment environment) {
        Binder binder = Binder.get(environment);
        return new DateRange(binder.bind("decisions.dates.min", LocalDate.class).orElse(DEFAULT_MIN),
                binder.bind("decisions.dates.max", LocalDate.class).orElse(DEFAULT_MAX));
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(min) && !date.isAfter(max);
    }

    /** What is wrong with a date outside the range, in Russian. */
    public String message(LocalDate date) {
        return "Дата «" + date + "» вне допустимого диапазона: ожидается дата с " + min + " по " + max;
    }

    /** A 400 naming the field when a date (e.g. a query parameter) is outside the range. */
    public void check(String field, @Nullable LocalDate date) {
        if (date != null && !contains(date)) {
            throw ApiException.invalid("Поле «" + field + "»: " + message(date),
                    List.of(new ApiException.FieldError(field, message(date))));
        }
    }
}
