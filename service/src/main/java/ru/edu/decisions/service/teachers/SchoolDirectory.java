package ru.edu.decisions.service.teachers;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.edu.decisions.model.routes.SchoolFlag;

/**
 * Reference data: the schools of a jurisdiction with their municipality, okrug and flags (e.g. the schools with low
 * results and in difficult social conditions named by the Ust-Ishim order № 03/1, item 2). A teacher whose school is
 * listed takes its flags when none are given.
 */
@Component
public class SchoolDirectory {

    /** A school of the reference list. */
    public record ReferenceSchool(String jurisdiction, String name, @Nullable String municipality, @Nullable String okrug,
                                  List<SchoolFlag> flags, @Nullable String basis) {
    }

    private final JdbcClient sql;

    SchoolDirectory(JdbcClient sql) {
        this.sql = sql;
    }

    public List<ReferenceSchool> list(String jurisdiction) {
        return sql.sql("SELECT * FROM school WHERE jurisdiction = ? ORDER BY name").param(jurisdiction)
                .query((rs, n) -> new ReferenceSchool(rs.getString("jurisdiction"), rs.getString("name"),
                        rs.getString("municipality"), rs.getString("okrug"), flags(rs.getString("flags")), rs.getString("basis")))
                .list();
    }

    /** The listed school of that name (compared without case, quotes and extra spaces). */
    public Optional<ReferenceSchool> find(String jurisdiction, @Nullable String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String key = normalize(name);
        return list(jurisdiction).stream().filter(s -> normalize(s.name()).equals(key)).findFirst();
    }

    static String normalize(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е').replaceAll("[«»\"“”„']", "")
                .replaceAll("\\s+", " ").trim();
    }

    private static List<SchoolFlag> flags(@Nullable String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).map(SchoolFlag::valueOf).toList();
    }
}
