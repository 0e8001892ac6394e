package ru.edu.decisions.rules.regulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A regulation's own text (the file a rule set ships beside its rules) in paragraphs, with the paragraphs its clause
 * codes point at. Clause codes ({@code ust-ishim:3.2.1}, {@code turochak:III.1.1.2}) do not follow the text's own
 * numbering mechanically, so a clause index maintained by policy staff ({@link ClauseIndex}) names, for every code,
 * the words its paragraph starts with; a code resolves when exactly one paragraph starts with them.
 */
public record RegulationText(List<Paragraph> paragraphs, Map<String, Integer> clauses) {

    /** One paragraph: its text (markup stripped) and the clause codes that point at it (may be none). */
    public record Paragraph(int index, String text, List<String> codes, boolean emphasised) {

        /** The anchor of the paragraph's first clause ({@code clause-3.2.1}), or null. */
        public @Nullable String anchor() {
            return codes.isEmpty() ? null : RegulationText.anchor(codes.get(0));
        }

        /** Anchors of the paragraph's other clauses (when several codes point at one paragraph). */
        public List<String> otherAnchors() {
            return codes.size() < 2 ? List.of() : codes.subList(1, codes.size()).stream().map(RegulationText::anchor).toList();
        }
    }

    private static final java.util.regex.Pattern BOOKMARK = java.util.regex.Pattern.compile("\\[bookmark: [^\\]]*]");

    public RegulationText {
        paragraphs = List.copyOf(paragraphs);
        clauses = Collections.unmodifiableMap(new LinkedHashMap<>(clauses));
    }

    /** The anchor of a clause code on the regulation page: {@code clause-} and the code without its jurisdiction. */
    public static String anchor(String code) {
        int colon = code.indexOf(':');
        return "clause-" + (colon < 0 ? code : code.substring(colon + 1));
    }

    /** Every clause code of the index with its anchor, in the index's order. */
    public Map<String, String> anchors() {
        Map<String, String> anchors = new LinkedHashMap<>();
        clauses.keySet().forEach(code -> anchors.put(code, anchor(code)));
        return anchors;
    }

    /** Whether the code points at a paragraph of this text. */
    public boolean resolves(String code) {
        return clauses.containsKey(code);
    }

    /** The paragraph a code points at, if any. */
    public @Nullable Paragraph paragraph(String code) {
        Integer index = clauses.get(code);
        return index == null ? null : paragraphs.get(index);
    }

    /**
     * Splits the text into paragraphs (one a line, as the text is laid out; {@code **} emphasis is kept as a flag,
     * {@code [bookmark: …]} marks of the converted original are dropped) and resolves
     * every entry of the index; each entry that does not resolve to exactly one paragraph is a problem (in Russian).
     */
    public static RegulationText parse(String text, ClauseIndex index, List<String> problems) {
        List<String> texts = new ArrayList<>();
        List<Boolean> emphasised = new ArrayList<>();
        boolean inBold = false;
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String stripped = line.strip();
            int marks = (stripped.length() - stripped.replace("**", "").length()) / 2;
            boolean bold = inBold || stripped.startsWith("**");
            if (marks % 2 == 1) {
                inBold = !inBold;
            }
            String clean = BOOKMARK.matcher(stripped.replace("**", "")).replaceAll("").replaceAll("\\s+", " ").strip();
            if (!clean.isEmpty()) {
                texts.add(clean);
                emphasised.add(bold);
            }
        }
        List<String> normalized = texts.stream().map(RegulationText::normalize).toList();
        Map<String, Integer> clauses = new LinkedHashMap<>();
        List<List<String>> codes = new ArrayList<>();
        texts.forEach(t -> codes.add(new ArrayList<>()));
        for (ClauseIndex.Entry entry : index.entries()) {
            String start = normalize(entry.startsWith());
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < normalized.size(); i++) {
                if (normalized.get(i).startsWith(start)) {
                    found.add(i);
                }
            }
            int occurrence = entry.occurrence();
            if (found.isEmpty()) {
                problems.add("пункт " + entry.code() + " (строка " + entry.line() + "): в тексте Положения нет абзаца, "
                        + "который начинается словами «" + entry.startsWith() + "»");
            } else if (occurrence == 0 && found.size() > 1) {
                problems.add("пункт " + entry.code() + " (строка " + entry.line() + "): словами «" + entry.startsWith()
                        + "» начинаются " + found.size() + " абзаца — укажите больше слов или номер вхождения");
            } else if (occurrence > found.size()) {
                problems.add("пункт " + entry.code() + " (строка " + entry.line() + "): словами «" + entry.startsWith()
                        + "» начинаются только " + found.size() + " абзаца, а указано вхождение " + occurrence);
            } else {
                int at = found.get(occurrence == 0 ? 0 : occurrence - 1);
                if (clauses.putIfAbsent(entry.code(), at) != null) {
                    problems.add("пункт " + entry.code() + " (строка " + entry.line() + ") указан в перечне дважды");
                } else {
                    codes.get(at).add(entry.code());
                }
            }
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            paragraphs.add(new Paragraph(i, texts.get(i), List.copyOf(codes.get(i)), emphasised.get(i)));
        }
        return new RegulationText(paragraphs, clauses);
    }

    /** Text compared for matching: lower case, «ё» as «е», quotes and dashes unified, spaces collapsed. */
    static String normalize(String text) {
        return text.replace("**", "").toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("[«»„“”\"]", "\"").replaceAll("[–—‑]", "-").replaceAll("\\s+", " ").strip();
    }
}
