package ru.edu.decisions.rules.eligibility;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.DecisionType;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.rules.engine.SampleProfiles;

/**
 * The eligibility decision for the engine: rule files {@code eligibility*.drl}, the jurisdiction's table
 * ({@link EligibilityTable}) turned into rules and declarations, {@link EligibilityRules} to decide with.
 */
public final class EligibilityDecisions implements DecisionType<EligibilityRules> {

    @Override
    public DecisionKind kind() {
        return DecisionKind.ELIGIBILITY;
    }

    @Override
    public Class<EligibilityRules> rulesType() {
        return EligibilityRules.class;
    }

    /** Immutable: faster sessions; the decision reads its verdict, evaluations and facts by type, in any order. */
    @Override
    public boolean immutableBase() {
        return true;
    }

    @Override
    public @Nullable Tables readTables(String jurisdiction, List<RuleFile> files, List<RuleFile> common, List<CompileProblem> problems) {
        RuleFile file = files.stream().filter(f -> f.name().equals(EligibilityTable.FILE)).findFirst()
                .or(() -> files.stream().filter(f -> f.name().equals(EligibilityTable.WORKBOOK)).findFirst())
                .orElse(null);
        if (file == null) {
            return null;
        }
        EligibilityTable.Compiled table = EligibilityTable.read(jurisdiction, file, common, problems);
        return table == null ? null : new Tables(List.of(table.generated()), table, table.sharedSources(), table::locate);
    }

    @Override
    public EligibilityRules rules(Build build, List<CompileProblem> problems) {
        return new EligibilityRules(build.runner(), build.parameters(),
                build.tables() == null ? null : (EligibilityTable.Compiled) build.tables().declarations());
    }

    @Override
    public void trySamples(EligibilityRules rules, LocalDate today) {
        for (TeacherProfile sample : SampleProfiles.all()) {
            rules.evaluate(sample, today);
        }
    }

    @Override
    public String samplesFailed() {
        return "Пробное решение по образцу кандидата не получилось: ";
    }
}
