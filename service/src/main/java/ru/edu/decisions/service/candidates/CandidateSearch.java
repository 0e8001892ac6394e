package ru.edu.decisions.service.candidates;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How names and schools are compared when candidates are searched: lower case, «ё» as «е», spaces collapsed. The
 * stored search columns and the searched text go through the same normalisation (in Java, so that it does not
 * depend on the database's collation).
 */
public final class CandidateSearch {

    private CandidateSearch() {
    }

    public static @Nullable String normalize(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String normalized = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
        return normalized.isEmpty() ? null : normalized;
    }

    /** A LIKE pattern that finds {@code text} anywhere (with {@code \} as the escape character). */
    static @Nullable String containsPattern(@Nullable String text) {
        String normalized = normalize(text);
        if (normalized == null) {
            return null;
        }
        return "%" + normalized.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
