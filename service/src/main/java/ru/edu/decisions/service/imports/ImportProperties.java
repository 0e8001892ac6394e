package ru.edu.decisions.service.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the candidate form import ({@code decisions.import.*}, see application.yaml).
 *
 * @param maxFileBytes     the largest file accepted
 * @param maxRows          the most candidate rows in one file (a bigger file is refused as a whole: split it)
 * @param headerSearchRows how many rows from the top the header row is looked for in
 * @param minInflateRatio  the smallest compressed/uncompressed ratio of an entry of the file (below it: a zip bomb)
 * @param maxEntryBytes    the largest uncompressed entry of the file
 * @param maxTextChars     the most characters of text one file may expand to
 */
@ConfigurationProperties("decisions.import")
public record ImportProperties(long maxFileBytes, int maxRows, int headerSearchRows, double minInflateRatio,
                               long maxEntryBytes, long maxTextChars) {

    public ImportProperties {
        maxFileBytes = maxFileBytes <= 0 ? 10L * 1024 * 1024 : maxFileBytes;
        maxRows = maxRows <= 0 ? 2000 : maxRows;
        headerSearchRows = headerSearchRows <= 0 ? 30 : headerSearchRows;
        minInflateRatio = minInflateRatio <= 0 ? 0.01 : minInflateRatio;
        maxEntryBytes = maxEntryBytes <= 0 ? 100L * 1024 * 1024 : maxEntryBytes;
        maxTextChars = maxTextChars <= 0 ? 10L * 1024 * 1024 : maxTextChars;
    }
}
