package ru.edu.decisions.model;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Who nominated the candidate and on what basis (представление субъекта муниципальной системы). */
public record Nomination(
        @Nullable @Size(max = 500) String nominatedBy,
        @Nullable @Size(max = 500) String basis) {
}
