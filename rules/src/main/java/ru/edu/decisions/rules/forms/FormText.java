package ru.edu.decisions.rules.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a form cell made comparable: spaces collapsed, Latin look-alike letters inside Russian words replaced
 * by their Cyrillic twins (schools copy text from everywhere), «ё» read as «е» for matching, and tokens (words and
 * numbers) for vocabulary look-up.
 */
public final class FormText {

    private static final String LATIN = "aAoOeEcCpPxXyBHKMTk";
    private static final String CYRILLIC = "аАоОеЕсСрРхХуВНКМТк";
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private FormText() {
    }

    /** The cell's text with spaces collapsed, trimmed; Latin look-alikes inside Cyrillic words made Cyrillic. */
    public static String clean(String text) {
        String oneLine = text.replace('\u00AD', ' ');
        StringBuilder out = new StringBuilder(oneLine.length());
        var words = WORD.matcher(oneLine);
        int last = 0;
        while (words.find()) {
            out.append(oneLine, last, words.start());
            out.append(cyrillicWord(words.group()));
            last = words.end();
        }
        out.append(oneLine.substring(last));
        return SPACES.matcher(out.toString().replaceAll("[ \\t\\u00A0]+", " ")).replaceAll(m -> m.group().contains("\n") ? "\n" : " ")
                .replaceAll(" ?\n ?", "\n").strip();
    }

    /** A word holding Cyrillic letters gets its Latin look-alikes replaced; a Latin word (e-mail, «ВсОШ» aside) stays. */
    static String cyrillicWord(String word) {
        boolean cyrillic = false;
        boolean latin = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                cyrillic = true;
            } else if (c < 128 && Character.isLetter(c)) {
                latin = true;
            }
        }
        if (!cyrillic || !latin) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int at = LATIN.indexOf(c);
            out.append(at >= 0 ? CYRILLIC.charAt(at) : c);
        }
        return out.toString();
    }

    /** Lower case, «ё» as «е», for comparing words. */
    public static String key(String text) {
        return clean(text).toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** The words and numbers of the text, in comparable form. */
    public static List<Token> tokens(String text) {
        String key = key(text);
        List<Token> tokens = new ArrayList<>();
        var m = WORD.matcher(key);
        while (m.find()) {
            tokens.add(new Token(m.group(), m.start(), m.end()));
        }
        return tokens;
    }

    /** A line ending in a comma, a dash or an open quote or bracket goes on in the next line. */
    private static boolean continues(String line) {
        if (line.matches(".*[,(«\"\\-–—:]$")) {
            return true;
        }
        long open = line.chars().filter(c -> c == '«').count();
        long close = line.chars().filter(c -> c == '»').count();
        long parens = line.chars().filter(c -> c == '(').count() - line.chars().filter(c -> c == ')').count();
        return open > close || parens > 0;
    }

    /** One word or number of a text, with its place in {@link #key(String)}. */
    public record Token(String text, int start, int end) {
        public boolean number() {
            return text.chars().allMatch(Character::isDigit);
        }
    }

    /**
     * Splits a cell holding several entries: by line breaks, «;», and numbering («1)», «1.», «- »). A comma does not
     * split (it separates the parts of one entry).
     */
    public static List<String> entries(String text) {
        String cleaned = clean(text);
        List<String> out = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String line : cleaned.split("\\s*\\n\\s*")) {
            if (!lines.isEmpty() && continues(lines.get(lines.size() - 1))) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line);
            } else {
                lines.add(line);
            }
        }
        for (String line : String.join("\n", lines).split("\\s*(?:\\n|;)\\s*")) {
            for (String part : line.split("(?:^|\\s+)(?=\\d{1,2}\\)\\s)|(?:^|\\s+)(?=\\d{1,2}\\.\\s+\\p{L})")) {
                String entry = part.replaceFirst("^(?:\\d{1,2}[.)]|[-–—•*·])\\s*", "").strip();
                entry = entry.replaceAll("[.,\\s]+$", "");
                if (!entry.isBlank()) {
                    out.add(entry);
                }
            }
        }
        return out;
    }
}
