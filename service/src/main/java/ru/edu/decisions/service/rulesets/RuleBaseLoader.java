package ru.edu.decisions.service.rulesets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;

/**
 * Where the rule base comes from: the configured directory ({@code decisions.rules-dir}); without one,
 * {@code ./rules} when the service runs from the repository root (so a policy officer's edit is one reload away),
 * otherwise the rule base shipped inside the application.
 */
@Component
public class RuleBaseLoader {

    private static final Logger log = LoggerFactory.getLogger(RuleBaseLoader.class);
    private static final String SHIPPED = "rulebase/";

    private final DecisionsProperties properties;
    private final RuleSetVersionRepository versions;
    private final JsonCodec json;

    public RuleBaseLoader(DecisionsProperties properties, RuleSetVersionRepository versions, JsonCodec json) {
        this.properties = properties;
        this.versions = versions;
        this.json = json;
    }

    /** The rule directory in use, or null when the shipped rule base is used. */
    public Path directory() {
        if (properties.rulesDir() != null && !properties.rulesDir().isBlank()) {
            return Path.of(properties.rulesDir()).toAbsolutePath().normalize();
        }
        Path local = Path.of("rules").toAbsolutePath().normalize();
        return Files.isDirectory(local.resolve("common")) ? local : null;
    }

    /** The rule base in effect: the directory (or the shipped one) with the published rule-set versions over it. */
    public RuleBaseSource load() {
        return withPublished(base());
    }

    /** The rule directory (or the shipped rule base) alone, without published versions. */
    public RuleBaseSource base() {
        Path directory = directory();
        if (directory != null) {
            log.info("Reading the rule base from {}", directory);
            return RuleBaseSource.fromDirectory(directory);
        }
        log.info("Reading the rule base shipped with the application");
        return shipped();
    }

    /** {@code source} with every published rule-set version's files over its jurisdiction's files. */
    public RuleBaseSource withPublished(RuleBaseSource source) {
        RuleBaseSource result = source;
        for (RuleSetVersion published : versions.findByStatus(RuleSetVersion.Status.PUBLISHED)) {
            result = result.overlay(published.jurisdiction(), files(published), result.location() + " + опубликованные версии");
        }
        return result;
    }

    /** The jurisdictions whose rules come from a published rule-set version rather than the directory, sorted. */
    public List<String> publishedJurisdictions() {
        return versions.findByStatus(RuleSetVersion.Status.PUBLISHED).stream().map(RuleSetVersion::jurisdiction)
                .distinct().sorted().toList();
    }

    /**
     * The complete rule set of a jurisdiction in the rule directory (or the shipped rule base), by name: the files of
     * its folder and its scenario tables ({@code scenarios/*.csv}).
     */
    public Map<String, String> baseFiles(String jurisdiction) {
        Map<String, String> byName = new TreeMap<>();
        for (RuleFile file : base().files()) {
            if (file.path().startsWith(jurisdiction + "/")) {
                byName.put(file.path().substring(jurisdiction.length() + 1), file.text());
            }
        }
        Path directory = directory();
        Path scenarios = directory == null ? null : directory.resolve(jurisdiction).resolve("scenarios");
        if (scenarios != null && Files.isDirectory(scenarios)) {
            try (var tables = Files.list(scenarios)) {
                for (Path table : tables.filter(t -> t.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                    byName.put("scenarios/" + table.getFileName(), Files.readString(table, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Не удалось прочитать таблицы сценариев " + scenarios, e);
            }
        }
        return byName;
    }

    /** The complete rule set of a stored version: its files, or, for a version that holds only its changes, the directory's with them over it. */
    public Map<String, String> completeFiles(RuleSetVersion version) {
        Map<String, String> stored = json.read(version.files(), new TypeReference<Map<String, String>>() { });
        if (version.complete()) {
            return new TreeMap<>(stored);
        }
        Map<String, String> all = baseFiles(version.jurisdiction());
        all.putAll(stored);
        return all;
    }

    /** The files of a stored version, by name. */
    public Map<String, byte[]> files(RuleSetVersion version) {
        Map<String, String> byName = json.read(version.files(), new TypeReference<Map<String, String>>() { });
        Map<String, byte[]> bytes = new TreeMap<>();
        byName.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /** The rule base packaged in the rules jar under {@code rulebase/}. */
    public static RuleBaseSource shipped() {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            List<Resource> all = new ArrayList<>(List.of(resolver.getResources("classpath*:" + SHIPPED + "*/*")));
            all.addAll(List.of(resolver.getResources("classpath*:" + SHIPPED + "*/scenarios/*.csv")));
            Resource[] resources = all.toArray(Resource[]::new);
            List<RuleFile> files = new ArrayList<>();
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf(SHIPPED) + SHIPPED.length());
                long depth = path.chars().filter(c -> c == '/').count();
                if (resource.isReadable() && !path.endsWith("/") && (depth == 1 || depth == 2 && path.contains("/scenarios/"))) {
                    try (var in = resource.getInputStream()) {
                        files.add(new RuleFile(path, in.readAllBytes()));
                    }
                }
            }
            return new RuleBaseSource("встроенный набор правил", files);
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать встроенный набор правил", e);
        }
    }
}
