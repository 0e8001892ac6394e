package ru.edu.decisions.service.imports;

import java.util.List;
import ru.edu.decisions.rules.forms.Cell;

/**
 * The grid of a filled form as read from the file: rows with their number in the sheet (1-based; for a Word table,
 * the row of the table) and their cells by column index.
 */
record FormTable(String kind, List<Row> rows) {

    record Row(int number, boolean hidden, List<Cell> cells) {
        Cell cell(int column) {
            return column < cells.size() ? cells.get(column) : Cell.of("");
        }
    }

    /** «C9»: the column letter(s) and the row number. */
    static String address(int column, int row) {
        StringBuilder letters = new StringBuilder();
        int n = column + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters + String.valueOf(row);
    }
}
