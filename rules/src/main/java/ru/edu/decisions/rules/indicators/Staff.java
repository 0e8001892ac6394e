package ru.edu.decisions.rules.indicators;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Position;

/**
 * A stored teacher record of the jurisdiction: where they work, their position, birth date, pedagogical experience in
 * full years as recorded, and since when they hold the status of a regional methodist (none: they do not).
 */
public record Staff(String id, @Nullable String school, @Nullable Position position, @Nullable LocalDate birthDate,
                    @Nullable Integer experienceYears, @Nullable LocalDate regionalMethodistSince) {
}
