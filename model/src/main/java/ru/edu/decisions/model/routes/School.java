package ru.edu.decisions.model.routes;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The teacher's school and its circumstances. */
public record School(@Nullable @Size(max = 500) String name, @Nullable @Size(max = 2) List<@NotNull SchoolFlag> flags) {

    public List<SchoolFlag> flagList() {
        return flags == null ? List.of() : flags;
    }
}
