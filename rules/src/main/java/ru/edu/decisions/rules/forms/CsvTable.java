package ru.edu.decisions.rules.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.RuleFile;

/** A {@code ;}-separated UTF-8 table of the rule base with a fixed Russian header; «#» lines are comments. */
final class CsvTable {

    private CsvTable() {
    }

    record Row(RuleFile file, int line, String[] cells) {
        String cell(int i) {
            return i < cells.length ? cells[i].strip() : "";
        }

        CompileProblem problem(String message) {
            return new CompileProblem(file.path(), line, null, "Строка " + line + ": " + message);
        }
    }

    static List<Row> read(RuleFile file, List<String> header, List<CompileProblem> problems) {
        String[] lines = file.text().replace("\uFEFF", "").split("\r?\n", -1);
        int at = 0;
        while (at < lines.length && (lines[at].isBlank() || lines[at].startsWith("#"))) {
            at++;
        }
        if (at == lines.length) {
            return List.of();
        }
        List<String> found = Arrays.stream(lines[at].split(";", -1)).map(String::strip).toList();
        if (!found.equals(header)) {
            problems.add(new CompileProblem(file.path(), at + 1, null, "Заголовок таблицы должен быть «"
                    + String.join(";", header) + "», а в файле «" + String.join(";", found) + "»"));
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = at + 1; i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                rows.add(new Row(file, i + 1, lines[i].split(";", -1)));
            }
        }
        return rows;
    }
}
