package ru.edu.decisions.rules.engine;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads and checks a {@code manifest.yaml}; every problem names the file and, where it can, the line. */
final class ManifestReader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ManifestReader() {
    }

    static Manifest read(RuleFile file, String folder, List<CompileProblem> problems) {
        Manifest manifest;
        try {
            manifest = YAML.readValue(file.content(), Manifest.class);
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            Integer line = location == null || location.getLineNr() < 1 ? null : location.getLineNr();
            problems.add(new CompileProblem(file.path(), line, null, "manifest.yaml не прочитан: " + e.getOriginalMessage()));
            return null;
        }
        List<String> errors = new ArrayList<>();
        if (manifest == null) {
            errors.add("файл пуст");
        } else {
            if (manifest.code() == null || !manifest.code().equals(folder)) {
                errors.add("code должен совпадать с именем папки «" + folder + "», а указан «" + (manifest == null ? null : manifest.code()) + "»");
            }
            if (manifest.name() == null || manifest.name().isBlank()) {
                errors.add("не указано name — наименование территории");
            }
            if (manifest.regulation() == null || manifest.regulation().title() == null) {
                errors.add("не указано regulation.title — наименование Положения");
            }
            if (manifest.ruleSetVersion() == null || manifest.ruleSetVersion().isBlank()) {
                errors.add("не указана ruleSetVersion — версия набора правил");
            }
            manifest.parameterSpecs().forEach((name, parameter) -> {
                if (parameter == null || parameter.value() == null) {
                    errors.add("у параметра «" + name + "» не задано value");
                }
            });
        }
        errors.forEach(error -> problems.add(new CompileProblem(file.path(), null, null, error)));
        return errors.isEmpty() ? manifest : null;
    }
}
