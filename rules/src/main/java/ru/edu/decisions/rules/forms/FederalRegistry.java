package ru.edu.decisions.rules.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.RuleFile;

/**
 * The reference list of programmes of the federal registry of additional professional programmes, kept in the
 * rule base ({@code common/form-federal-registry.csv} and a jurisdiction's own): {@code Программа;Организация;Часы}.
 * A training whose title holds a listed programme's title (compared word by word) is in the registry; any other is
 * unknown — a title missing from the list is not a proof that it is not in the registry.
 */
public final class FederalRegistry {

    public static final String FILE = "form-federal-registry.csv";
    static final List<String> HEADER = List.of("Программа", "Организация", "Часы");

    private final List<String> programmes;

    private FederalRegistry(List<String> programmes) {
        this.programmes = programmes;
    }

    public static FederalRegistry read(List<RuleFile> files, List<CompileProblem> problems) {
        List<String> programmes = new ArrayList<>();
        for (RuleFile file : files) {
            for (CsvTable.Row row : CsvTable.read(file, HEADER, problems)) {
                String key = words(row.cell(0));
                if (key.isEmpty()) {
                    problems.add(row.problem("Не указано название программы"));
                } else {
                    programmes.add(key);
                }
            }
        }
        return new FederalRegistry(programmes);
    }

    static String words(String text) {
        return FormText.tokens(text).stream().map(FormText.Token::text).collect(Collectors.joining(" "));
    }

    /** True when the text names a listed programme, else null (unknown). */
    public Boolean listed(String title) {
        String key = " " + words(title) + " ";
        for (String programme : programmes) {
            if (key.contains(" " + programme + " ")) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    public int size() {
        return programmes.size();
    }
}
