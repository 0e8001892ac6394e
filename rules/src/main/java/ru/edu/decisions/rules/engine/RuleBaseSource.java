package ru.edu.decisions.rules.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a rule base: a folder per jurisdiction (each with a {@code manifest.yaml}) and the {@code common}
 * folder whose rules every jurisdiction shares. Paths are relative to the rule base root, with forward slashes.
 */
public record RuleBaseSource(String location, List<RuleFile> files) {

    public static final String COMMON = "common";
    public static final String MANIFEST = "manifest.yaml";

    public RuleBaseSource {
        files = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
    }

    /** Reads every file of the jurisdiction folders and of {@code common} below {@code root}. */
    public static RuleBaseSource fromDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Каталог правил не найден: " + root.toAbsolutePath());
        }
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.sorted().toList()) {
                boolean ruleFolder = Files.isDirectory(folder)
                        && (folder.getFileName().toString().equals(COMMON) || Files.isRegularFile(folder.resolve(MANIFEST)));
                if (ruleFolder) {
                    try (Stream<Path> inFolder = Files.list(folder)) {
                        for (Path file : inFolder.filter(Files::isRegularFile).sorted().toList()) {
                            String relative = root.relativize(file).toString().replace('\\', '/');
                            files.add(new RuleFile(relative, Files.readAllBytes(file)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Не удалось прочитать каталог правил " + root.toAbsolutePath(), e);
        }
        return new RuleBaseSource(root.toAbsolutePath().normalize().toString(), files);
    }

    /** Jurisdiction code → its files (those folders that hold a manifest). */
    public Map<String, List<RuleFile>> jurisdictions() {
        Map<String, List<RuleFile>> byFolder = new TreeMap<>();
        for (RuleFile file : files) {
            int slash = file.path().indexOf('/');
            // Only the files directly in a folder are rules; scenarios/ and other sub-folders are not compiled.
            if (slash > 0 && file.path().indexOf('/', slash + 1) < 0) {
                byFolder.computeIfAbsent(file.path().substring(0, slash), k -> new ArrayList<>()).add(file);
            }
        }
        byFolder.remove(COMMON);
        byFolder.values().removeIf(list -> list.stream().noneMatch(f -> f.name().equals(MANIFEST)));
        return byFolder;
    }

    public List<RuleFile> common() {
        return files.stream().filter(f -> f.path().startsWith(COMMON + "/")).toList();
    }

    /** Only one jurisdiction's folder and {@code common}: what a change to that jurisdiction needs compiled. */
    public RuleBaseSource only(String jurisdiction) {
        return new RuleBaseSource(location, files.stream()
                .filter(f -> f.path().startsWith(jurisdiction + "/") || f.path().startsWith(COMMON + "/")).toList());
    }

    /** This source with one jurisdiction's files replaced or added by name (the other files of its folder stay). */
    public RuleBaseSource overlay(String jurisdiction, java.util.Map<String, byte[]> byName, String newLocation) {
        RuleBaseSource result = new RuleBaseSource(newLocation, files);
        for (var entry : byName.entrySet()) {
            result = result.with(new RuleFile(jurisdiction + "/" + entry.getKey(), entry.getValue()));
        }
        return result;
    }

    /** This source with one jurisdiction's folder replaced by {@code byName} (a complete rule set: files not named are gone). */
    public RuleBaseSource replace(String jurisdiction, java.util.Map<String, byte[]> byName, String newLocation) {
        List<RuleFile> kept = new ArrayList<>(files.stream().filter(f -> !f.path().startsWith(jurisdiction + "/")).toList());
        byName.forEach((name, content) -> kept.add(new RuleFile(jurisdiction + "/" + name, content)));
        return new RuleBaseSource(newLocation, kept);
    }

    /** This source with one file replaced or added: what a rule edit looks like before it is saved. */
    public RuleBaseSource with(RuleFile replacement) {
        List<RuleFile> changed = new ArrayList<>(files.stream().filter(f -> !f.path().equals(replacement.path())).toList());
        changed.add(replacement);
        return new RuleBaseSource(location, changed);
    }
}
