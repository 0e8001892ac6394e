package ru.edu.decisions.service.rulesets;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBase.InForce;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleSetCompiler;

/**
 * Builds the rule base the service decides with: every jurisdiction's rule sets with the dates they are in force
 * from. The rule directory's (or the shipped) rule set of a jurisdiction is in force from its regulation's date
 * (from the beginning where the manifest gives none); each published version from its effective date. A version
 * that a later one replaces from the same date or earlier is never in force and is not compiled; the compiler
 * reuses what it compiled before, so only changed rule sets are compiled again.
 */
@Component
public class RuleSetTimeline {

    private final RuleBaseLoader loader;
    private final RuleSetCompiler compiler;
    private final RuleSetVersionRepository versions;

    RuleSetTimeline(RuleBaseLoader loader, RuleSetCompiler compiler, RuleSetVersionRepository versions) {
        this.loader = loader;
        this.compiler = compiler;
        this.versions = versions;
    }

    /** Compiles the rule base with every jurisdiction's timeline; throws with the problems when it does not compile. */
    public RuleBase build() {
        RuleBaseSource base = loader.base();
        RuleBase directory = compiler.compile(base);
        Map<String, List<RuleSetVersion>> published = new HashMap<>();
        for (RuleSetVersion version : versions.findByStatusInOrderByPublishedAtAsc(
                EnumSet.of(RuleSetVersion.Status.PUBLISHED, RuleSetVersion.Status.SUPERSEDED))) {
            published.computeIfAbsent(version.jurisdiction(), k -> new ArrayList<>()).add(version);
        }
        Map<String, JurisdictionRules> heads = new LinkedHashMap<>(directory.jurisdictions());
        Map<String, List<InForce>> timelines = new TreeMap<>();
        for (JurisdictionRules own : directory.all()) {
            List<Entry> entries = new ArrayList<>();
            entries.add(new Entry(own.manifest().regulation().date(), null));
            published.getOrDefault(own.code(), List.of()).forEach(v -> entries.add(new Entry(v.effectiveFrom(), v)));
            List<InForce> timeline = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (shadowed(entries, i)) {
                    continue;
                }
                Entry entry = entries.get(i);
                JurisdictionRules rules = entry.version() == null ? own : compile(base, entry.version());
                timeline.add(new InForce(entry.from(), rules, entry.version() == null ? null : entry.version().id()));
            }
            timelines.put(own.code(), List.copyOf(timeline));
            heads.put(own.code(), timeline.get(timeline.size() - 1).rules());
        }
        String location = published.isEmpty() ? base.location() : base.location() + " + опубликованные версии";
        return new RuleBase(location, directory.compiledAt(), heads, timelines);
    }

    /** The complete rule set {@code files} of a jurisdiction compiled over the rule directory's common rules. */
    public RuleBaseSource source(String jurisdiction, Map<String, String> files, String location) {
        Map<String, byte[]> bytes = new TreeMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return loader.base().only(jurisdiction).replace(jurisdiction, bytes, location);
    }

    private JurisdictionRules compile(RuleBaseSource base, RuleSetVersion version) {
        Map<String, byte[]> bytes = loader.files(version);
        RuleBaseSource source = version.complete()
                ? base.only(version.jurisdiction()).replace(version.jurisdiction(), bytes, "версия " + version.id())
                : base.only(version.jurisdiction()).overlay(version.jurisdiction(), bytes, "версия " + version.id());
        return compiler.compile(source).jurisdiction(version.jurisdiction()).orElseThrow();
    }

    /** An entry is never in force when a later one is in force from the same date or earlier. */
    private static boolean shadowed(List<Entry> entries, int index) {
        LocalDate from = entries.get(index).from();
        for (int later = index + 1; later < entries.size(); later++) {
            LocalDate next = entries.get(later).from();
            if (next == null || from != null && !next.isAfter(from)) {
                return true;
            }
        }
        return false;
    }

    private record Entry(@Nullable LocalDate from, @Nullable RuleSetVersion version) {
    }
}
