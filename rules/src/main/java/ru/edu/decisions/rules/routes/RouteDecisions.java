package ru.edu.decisions.rules.routes;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.DecisionType;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.rules.engine.SampleProfiles;

/** The route decision for the engine: rule files {@code routes*.drl} with the folder's catalogue, {@link RouteRules}. */
public final class RouteDecisions implements DecisionType<RouteRules> {

    @Override
    public DecisionKind kind() {
        return DecisionKind.ROUTES;
    }

    @Override
    public Class<RouteRules> rulesType() {
        return RouteRules.class;
    }

    @Override
    public @Nullable RouteRules rules(Build build, List<CompileProblem> problems) {
        RuleFile catalogue = build.files().stream().filter(f -> f.name().equals(CatalogueReader.FILE)).findFirst().orElse(null);
        if (catalogue == null) {
            problems.add(new CompileProblem(build.jurisdiction() + "/" + CatalogueReader.FILE, null, null,
                    "Для правил маршрутов нужен каталог мероприятий " + CatalogueReader.FILE));
            return null;
        }
        int before = problems.size();
        List<Activity> activities = CatalogueReader.read(catalogue, problems);
        return problems.size() > before ? null : new RouteRules(build.runner(), build.parameters(), activities);
    }

    @Override
    public void trySamples(RouteRules rules, LocalDate today) {
        for (SampleProfiles.RouteSample sample : SampleProfiles.routeSamples()) {
            rules.evaluate(sample.teacher(), sample.school(), sample.diagnostics(), sample.preferences(), today);
        }
    }

    @Override
    public String samplesFailed() {
        return "Пробный маршрут по образцу диагностики не получился: ";
    }
}
