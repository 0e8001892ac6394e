package ru.edu.decisions.rules.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.RuleFile;

/**
 * The words schools use in the candidate form, kept by policy staff as data: {@code common/form-vocabulary.csv}
 * (and a jurisdiction's own {@code form-vocabulary.csv}, whose rows add to the common ones). A {@code ;}-separated
 * table with the Russian header {@code Словарь;Значение;Слова}: the dictionary (e.g. «Должность»), the value the
 * words mean (an enum constant such as {@code DEPUTY_HEAD}, a subject's name, {@code ДА}/{@code НЕТ}), and the words,
 * separated by {@code |}. A word is matched as a whole word, ignoring case, «ё» and punctuation; a word ending in
 * {@code *} matches any ending (a stem); a phrase matches consecutive words. Where two phrases overlap, the longer
 * one wins («заместитель директора» over «директор»).
 */
public final class Vocabulary {

    public static final String FILE = "form-vocabulary.csv";
    static final List<String> HEADER = List.of("Словарь", "Значение", "Слова");

    /** The dictionaries, by the name the file gives them. */
    public enum Dictionary {
        EDUCATION_LEVEL("Уровень образования"),
        PEDAGOGICAL_QUALIFICATION("Педагогическая квалификация"),
        PEDAGOGICAL_INSTITUTION("Педагогическая организация"),
        NON_PEDAGOGICAL("Непедагогическая квалификация"),
        INSTITUTION("Образовательная организация"),
        TRAINING_KIND("Вид обучения"),
        TRAINING_PROVIDER("Организация обучения"),
        ORGANIZATION_KIND("Вид организации"),
        POSITION("Должность"),
        CATEGORY("Категория"),
        SUBJECT("Предмет"),
        MEMBERSHIP_KIND("Вид участия"),
        ROLE("Роль"),
        LEVEL("Уровень"),
        RESULT("Результат"),
        MENTORING("Наставничество");

        private final String title;

        Dictionary(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        static Dictionary byTitle(String title) {
            return Arrays.stream(values()).filter(d -> d.title.equalsIgnoreCase(title.strip())).findFirst().orElse(null);
        }
    }

    /** One phrase of a dictionary and what it means. */
    record Phrase(Dictionary dictionary, String value, List<String> words) {
    }

    /** Where a phrase was found in a text: its value and its words' place (token indexes, end exclusive). */
    public record Match(String value, int from, int to, int start, int end) {
    }

    private final Map<Dictionary, List<Phrase>> phrases;

    private Vocabulary(Map<Dictionary, List<Phrase>> phrases) {
        this.phrases = phrases;
    }

    /**
     * The vocabulary of a jurisdiction: the common file and the jurisdiction's own, in that order. Problems of the
     * files (unknown dictionary, empty words) are added to {@code problems}; their rows are left out.
     */
    public static Vocabulary read(List<RuleFile> files, List<CompileProblem> problems) {
        Map<Dictionary, List<Phrase>> phrases = new EnumMap<>(Dictionary.class);
        for (RuleFile file : files) {
            for (CsvTable.Row row : CsvTable.read(file, HEADER, problems)) {
                Dictionary dictionary = Dictionary.byTitle(row.cell(0));
                if (dictionary == null) {
                    problems.add(row.problem("Словарь «" + row.cell(0) + "» неизвестен; допустимо: "
                            + String.join(", ", Arrays.stream(Dictionary.values()).map(Dictionary::title).toList())));
                    continue;
                }
                String value = row.cell(1).strip();
                if (value.isEmpty()) {
                    problems.add(row.problem("Не указано значение"));
                    continue;
                }
                for (String word : row.cell(2).split("\\|")) {
                    List<String> tokens = tokens(word);
                    if (!tokens.isEmpty()) {
                        phrases.computeIfAbsent(dictionary, d -> new ArrayList<>()).add(new Phrase(dictionary, value, tokens));
                    }
                }
            }
        }
        phrases.values().forEach(list -> list.sort(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed()));
        return new Vocabulary(phrases);
    }

    private static List<String> tokens(String word) {
        String key = FormText.key(word);
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+\\*?").matcher(key);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Every non-overlapping match of the dictionary in the text, longest phrases first, in text order. */
    public List<Match> find(Dictionary dictionary, String text) {
        List<FormText.Token> tokens = FormText.tokens(text);
        boolean[] taken = new boolean[tokens.size()];
        List<Match> matches = new ArrayList<>();
        for (Phrase phrase : phrases.getOrDefault(dictionary, List.of())) {
            int n = phrase.words().size();
            for (int i = 0; i + n <= tokens.size(); i++) {
                if (free(taken, i, n) && matches(phrase.words(), tokens, i)) {
                    for (int k = i; k < i + n; k++) {
                        taken[k] = true;
                    }
                    matches.add(new Match(phrase.value(), i, i + n, tokens.get(i).start(), tokens.get(i + n - 1).end()));
                }
            }
        }
        matches.sort(Comparator.comparingInt(Match::from));
        return matches;
    }

    /** The distinct values the dictionary finds in the text, in text order. */
    public Set<String> values(Dictionary dictionary, String text) {
        Set<String> values = new LinkedHashSet<>();
        find(dictionary, text).forEach(m -> values.add(m.value()));
        return values;
    }

    public boolean any(Dictionary dictionary, String text) {
        return !find(dictionary, text).isEmpty();
    }

    /** The values of a dictionary, for drop-down lists. */
    public List<String> valuesOf(Dictionary dictionary) {
        return phrases.getOrDefault(dictionary, List.of()).stream().map(Phrase::value).distinct().toList();
    }

    private static boolean free(boolean[] taken, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (taken[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(List<String> words, List<FormText.Token> tokens, int at) {
        for (int k = 0; k < words.size(); k++) {
            String word = words.get(k);
            String token = tokens.get(at + k).text();
            boolean ok = word.endsWith("*") ? token.startsWith(word.substring(0, word.length() - 1)) : token.equals(word);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
