package ru.edu.decisions.service.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.forms.FormReader;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.rulesets.RuleBaseLoader;
import ru.edu.decisions.service.rulesets.RuleSets;

/**
 * The form reader of a jurisdiction, from the rule base in effect ({@code common/form-vocabulary.csv},
 * {@code common/form-federal-registry.csv} and the jurisdiction's own): read again whenever the rule base is reloaded.
 */
@Component
class FormReaders {

    private static final Logger logger = LoggerFactory.getLogger(FormReaders.class);

    private final RuleBaseLoader loader;
    private final RuleSets ruleSets;
    private final Clock clock;
    private final DecisionsProperties properties;
    private RuleBase cachedFor;
    private RuleBaseSource source;

    FormReaders(RuleBaseLoader loader, RuleSets ruleSets, Clock clock, DecisionsProperties properties) {
        this.loader = loader;
        this.ruleSets = ruleSets;
        this.clock = clock;
        this.properties = properties;
    }

    synchronized FormReader reader(String jurisdiction) {
        RuleBase current = ruleSets.current();
        if (current != cachedFor || source == null) {
            source = loader.load();
            cachedFor = current;
        }
        List<CompileProblem> problems = new ArrayList<>();
        FormReader reader = FormReader.of(source.files(), jurisdiction, LocalDate.now(clock.withZone(properties.timeZone())), problems);
        if (!problems.isEmpty()) {
            logger.warn("The form vocabulary of {} has problems (those rows are left out): {}", jurisdiction,
                    problems.stream().map(CompileProblem::describe).toList());
        }
        return reader;
    }
}
