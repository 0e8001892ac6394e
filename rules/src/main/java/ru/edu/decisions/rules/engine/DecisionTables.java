package ru.edu.decisions.rules.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Decision tables of a jurisdiction ({@code <kind>*.drl.csv}: Drools' decision table saved as CSV, which a policy
 * officer opens in LibreOffice or Excel): each row a rule. Drools compiles them itself; the rule file checks see the
 * DRL they stand for. A text format, so a table goes through drafts and versions like any rule file.
 */
final class DecisionTables {

    static final String EXTENSION = ".drl.csv";
    /** The table's package: the cell after {@code RuleSet} in its first rows. */
    static final Pattern RULE_SET = Pattern.compile("^\\s*\"?RuleSet\"?\\s*,\\s*\"?([\\w.]+)", Pattern.MULTILINE);

    private DecisionTables() {
    }

    static boolean isTable(String name) {
        return name.endsWith(EXTENSION);
    }

    /** The DRL the table stands for, under the table's own path (for the lexical checks of rule code). */
    static RuleFile asDrl(RuleFile table, List<CompileProblem> problems) {
        try {
            String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.content()), InputType.CSV);
            return new RuleFile(table.path(), drl.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            problems.add(new CompileProblem(table.path(), null, null, "Таблица решений не читается: " + e.getMessage()));
            return new RuleFile(table.path(), new byte[0]);
        }
    }
}
