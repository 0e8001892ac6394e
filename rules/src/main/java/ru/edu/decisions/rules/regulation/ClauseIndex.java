package ru.edu.decisions.rules.regulation;

import java.util.ArrayList;
import java.util.List;

/**
 * A jurisdiction's clause index ({@code clauses.csv}), kept by policy staff: for every clause code the rules cite,
 * the words the clause's paragraph of the regulation starts with, and — only when several paragraphs start with
 * the same words — which of them (1 = the first). Lines: {@code code;starts with[;occurrence]}, a header line
 * {@code code;startsWith;occurrence}, {@code #} starts a comment line.
 */
public record ClauseIndex(List<Entry> entries) {

    public static final String DEFAULT_FILE = "clauses.csv";

    /** One line of the index. {@code occurrence} is 0 when the words must be unique. */
    public record Entry(String code, String startsWith, int occurrence, int line) {
    }

    public ClauseIndex {
        entries = List.copyOf(entries);
    }

    public static ClauseIndex parse(String csv, List<String> problems) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = csv.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.toLowerCase(java.util.Locale.ROOT).startsWith("code;")) {
                continue;
            }
            String[] cells = line.split(";", -1);
            if (cells.length < 2 || cells[0].isBlank() || cells[1].isBlank()) {
                problems.add("строка " + (i + 1) + ": ожидается «код пункта;начальные слова абзаца[;номер вхождения]»");
                continue;
            }
            int occurrence = 0;
            if (cells.length > 2 && !cells[2].isBlank()) {
                try {
                    occurrence = Integer.parseInt(cells[2].strip());
                } catch (NumberFormatException e) {
                    problems.add("строка " + (i + 1) + ": номер вхождения — целое число, а указано «" + cells[2].strip() + "»");
                    continue;
                }
                if (occurrence < 1) {
                    problems.add("строка " + (i + 1) + ": номер вхождения начинается с 1");
                    continue;
                }
            }
            entries.add(new Entry(cells[0].strip(), cells[1].strip(), occurrence, i + 1));
        }
        return new ClauseIndex(entries);
    }
}
