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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.engine.ShippedRuleBase;

/**
 * The shared rules cite each jurisdiction's own clause through a manifest parameter
 * ({@code @clause("manifest:deficitClause")}): every such parameter is set in every jurisdiction's manifest, to a
 * clause of that jurisdiction that resolves to a paragraph of its regulation's text.
 */
class ManifestClausesTest {

    private static final Pattern FROM_MANIFEST = Pattern.compile("@clause\\(\\s*\"manifest:([^\"]+)\"\\s*\\)");

    @ParameterizedTest
    @ValueSource(strings = {"ust-ishim", "turochak", "dagestan", "kuznetsk"})
    void everyClauseTheSharedRulesTakeFromTheManifestIsAParagraphOfTheJurisdictionsRegulation(String jurisdiction)
            throws IOException {
        Set<String> parameters = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("common"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".drl")).toList()) {
                Matcher reference = FROM_MANIFEST.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (reference.find()) {
                    parameters.add(reference.group(1));
                }
            }
        }
        assertThat(parameters).contains("deficitClause", "youngSpecialistClause", "mentoringClause");

        Path folder = Path.of(jurisdiction);
        List<String> problems = new ArrayList<>();
        ClauseIndex index = ClauseIndex.parse(Files.readString(folder.resolve("clauses.csv"), StandardCharsets.UTF_8), problems);
        RegulationText text = RegulationText.parse(Files.readString(folder.resolve("regulation.txt"), StandardCharsets.UTF_8),
                index, problems);
        Parameters manifest = ShippedRuleBase.get().jurisdiction(jurisdiction).orElseThrow().manifest().toParameters();
        assertThat(parameters).allSatisfy(parameter -> {
            assertThat(manifest.has(parameter)).as("%s in %s/manifest.yaml", parameter, jurisdiction).isTrue();
            String clause = manifest.stringValue(parameter);
            assertThat(clause).as(parameter).startsWith(jurisdiction + ":");
            assertThat(text.resolves(clause)).as("%s = %s", parameter, clause).isTrue();
        });
    }
}
