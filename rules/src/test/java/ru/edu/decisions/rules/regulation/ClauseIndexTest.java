package ru.edu.decisions.rules.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.ShippedRuleBase;

/**
 * Every clause code the rules cite — in the {@code @clause(...)} metadata of the rule files and in the csv tables and
 * scenarios — resolves, through the jurisdiction's clause index, to a paragraph of the regulation's own text shipped
 * beside the rules; and the index itself resolves without ambiguity.
 */
class ClauseIndexTest {

    private static final Pattern CLAUSE_METADATA = Pattern.compile("@clause\\(\\s*\"([^\"]+)\"\\s*\\)");

    @ParameterizedTest
    @ValueSource(strings = {"ust-ishim", "turochak", "dagestan", "kuznetsk"})
    void everyCitedClauseIsAParagraphOfTheRegulation(String jurisdiction) throws IOException {
        Path folder = Path.of(jurisdiction);
        List<String> problems = new ArrayList<>();
        ClauseIndex index = ClauseIndex.parse(Files.readString(folder.resolve("clauses.csv"), StandardCharsets.UTF_8), problems);
        RegulationText text = RegulationText.parse(Files.readString(folder.resolve("regulation.txt"), StandardCharsets.UTF_8),
                index, problems);
        assertThat(problems).as("clause index of %s", jurisdiction).isEmpty();

        Set<String> cited = cited(folder, jurisdiction);
        assertThat(cited).as("clause codes cited by the rules of %s", jurisdiction).isNotEmpty();
        assertThat(cited).as("clause codes of %s missing from clauses.csv or its text", jurisdiction)
                .allSatisfy(code -> assertThat(text.resolves(code)).as(code).isTrue());
        cited.forEach(code -> assertThat(text.paragraph(code).anchor()).isNotNull());
    }

    /** Codes of this jurisdiction ({@code <jurisdiction>:…}) in its rule files, csv tables and scenarios. */
    private static Set<String> cited(Path folder, String jurisdiction) throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern own = Pattern.compile(Pattern.quote(jurisdiction) + ":[\\p{L}\\p{N}./-]*[\\p{L}\\p{N}]");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".drl")) {
                    String drl = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher metadata = CLAUSE_METADATA.matcher(drl);
                    while (metadata.find()) {
                        if (metadata.group(1).startsWith(jurisdiction + ":")) {
                            codes.add(metadata.group(1));
                        }
                    }
                } else if (name.endsWith(".csv") && !name.equals("clauses.csv")) {
                    Matcher code = own.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (code.find()) {
                        codes.add(code.group());
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void theCompiledRuleSetsCarryTheirRegulationWithClauseAnchors() {
        RuleBase base = ShippedRuleBase.get();
        RegulationText ustIshim = base.jurisdiction("ust-ishim").orElseThrow().regulation().orElseThrow();
        RegulationText.Paragraph paragraph = ustIshim.paragraph("ust-ishim:3.2.1");
        assertThat(paragraph.anchor()).isEqualTo("clause-3.2.1");
        assertThat(paragraph.text()).startsWith("1) педагогические работники Усть-Ишимского МР, успешно прошедшие");
        assertThat(base.jurisdiction("turochak").orElseThrow().regulation().orElseThrow()
                .paragraph("turochak:III.1.1.2").text()).contains("высоким уровнем методических компетенций");
    }

    @Test
    void anAmbiguousOrUnknownEntryIsAProblemNamingTheLine() {
        List<String> problems = new ArrayList<>();
        ClauseIndex index = ClauseIndex.parse("code;startsWith\nx:1;1) первый\nx:2;нет такого\nx:3;1) первый;2\nbad line\n", problems);
        RegulationText.parse("1) первый абзац\n\n1) первый снова\n", index, problems);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).contains("строка 5");
        assertThat(problems.get(1)).contains("x:1").contains("2 абзаца");
        assertThat(problems.get(2)).contains("x:2").contains("нет абзаца");
    }
}
