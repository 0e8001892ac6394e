package ru.edu.decisions.rules.engine;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the compiler's messages into problems a policy officer can act on: the rule file, the line and the rule.
 * The executable-model compiler reports some errors without a line, or against the Java it generated; for those the
 * offending text quoted in the message is looked up in the rule files.
 */
final class ProblemLocator {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("in rule \"([^\"]+)\"");
    private static final List<Pattern> QUOTED_TEXT = List.of(
            Pattern.compile("expression: (.+)$"),
            Pattern.compile("Unable to find class: (\\S+)"),
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("Unknown declaration: (\\S+)"),
            Pattern.compile("[Uu]nable to resolve method using \\S* (\\w+)"),
            Pattern.compile("field (\\w+)"),
            Pattern.compile("'([^']+)'"),
            Pattern.compile("\"([^\"]+)\""));

    private final Map<String, String> sources;

    /** @param sources rule file path (as given to the compiler) → its text */
    ProblemLocator(Map<String, String> sources) {
        this.sources = sources;
    }

    CompileProblem locate(@Nullable String path, int line, String message) {
        String text = message.strip();
        String file = path != null && sources.containsKey(path) ? path : null;
        Integer found = line > 0 ? Integer.valueOf(line) : null;
        if (file == null || found == null) {
            for (Pattern pattern : QUOTED_TEXT) {
                Matcher matcher = pattern.matcher(text);
                if (matcher.find()) {
                    Location location = search(file, matcher.group(1).strip());
                    if (location != null) {
                        file = location.file();
                        found = location.line();
                        break;
                    }
                }
            }
        }
        if (file == null) {
            file = path == null ? "(файл не определён)" : path;
        }
        String source = sources.get(file);
        // The parser names the rule it was in when it failed (e.g. a missing «end»): that rule, not the one at the line
        // it noticed the failure on.
        Matcher named = RULE_IN_MESSAGE.matcher(text);
        String rule = named.find() ? named.group(1) : source == null || found == null ? null : ruleAt(source, found);
        return new CompileProblem(file, found, rule, inRussian(text));
    }

    private static final Pattern CYRILLIC = Pattern.compile("[А-Яа-яЁё]");

    /**
     * The compiler's own message kept as it is, after a Russian explanation of what kind of error it is: a policy
     * officer reads the first part, a developer can search for the second.
     */
    static String inRussian(String message) {
        if (CYRILLIC.matcher(message).find()) {
            return message;
        }
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        String kind;
        if (lower.contains("unable to resolve") || lower.contains("cannot be resolved") || lower.contains("cannot find symbol")
                || lower.contains("unknown") || lower.contains("not found")) {
            kind = "неизвестное имя — проверьте написание поля, метода, переменной или типа";
        } else if (lower.contains("mismatched input") || lower.contains("no viable alternative") || lower.contains("extraneous input")
                || lower.contains("missing") || lower.contains("unexpected")) {
            kind = "синтаксическая ошибка — проверьте скобки, кавычки, точки с запятой и ключевые слова when / then / end";
        } else if (lower.contains("type mismatch") || lower.contains("incompatible types") || lower.contains("cannot be converted")
                || lower.contains("not applicable")) {
            kind = "несовместимые типы — значение не того вида (число, строка, дата, список)";
        } else if (lower.contains("duplicate") || lower.contains("already defined")) {
            kind = "повторное определение — имя правила или переменной уже занято";
        } else {
            kind = "ошибка компиляции правил";
        }
        return "Правило не компилируется: " + kind + ". Сообщение компилятора: «" + message + "»";
    }

    /**
     * A problem about a word used in the rule files (e.g. a forbidden method): the first file and line whose code
     * names it, or — when no line does — the first rule file.
     */
    CompileProblem locateWord(@Nullable String word, String message) {
        if (word != null && !word.startsWith("<")) {
            Pattern pattern = Pattern.compile("\\b" + Pattern.quote(word) + "\\b");
            for (Map.Entry<String, String> entry : sources.entrySet()) {
                String[] lines = RuleFilePolicy.codeOnly(entry.getValue()).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (pattern.matcher(lines[i]).find()) {
                        return new CompileProblem(entry.getKey(), i + 1, ruleAt(entry.getValue(), i + 1), message);
                    }
                }
            }
        }
        String file = sources.keySet().stream().filter(f -> !f.startsWith("common/")).findFirst()
                .orElse(sources.keySet().stream().findFirst().orElse("(файл не определён)"));
        return new CompileProblem(file, null, null, message);
    }

    private @Nullable Location search(@Nullable String onlyFile, String needle) {
        if (needle.length() < 3) {
            return null;
        }
        for (Map.Entry<String, String> entry : sources.entrySet()) {
            if (onlyFile != null && !onlyFile.equals(entry.getKey())) {
                continue;
            }
            String[] lines = entry.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String candidate = lines[i].strip();
                if (!candidate.startsWith("//") && lines[i].contains(needle)) {
                    return new Location(entry.getKey(), i + 1);
                }
            }
        }
        return null;
    }

    /** The line a rule's header is on, if the text has that rule. */
    static @Nullable Integer lineOfRule(String source, String rule) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = RULE_HEADER.matcher(lines[i]);
            if (matcher.find() && matcher.group(1).equals(rule)) {
                return i + 1;
            }
        }
        return null;
    }

    /** The name of the rule a line belongs to, if any. */
    static @Nullable String ruleAt(String source, int line) {
        String[] lines = source.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher matcher = RULE_HEADER.matcher(lines[i]);
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (i < line - 1 && lines[i].strip().equals("end")) {
                return null;
            }
        }
        return null;
    }

    private record Location(String file, int line) {
    }
}
