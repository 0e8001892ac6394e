package ru.edu.decisions.rules.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import ru.edu.decisions.model.Achievement;
import ru.edu.decisions.model.Assessment;
import ru.edu.decisions.model.Education;
import ru.edu.decisions.model.Employment;
import ru.edu.decisions.model.Membership;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.Training;
import ru.edu.decisions.model.eligibility.Verdict;

/**
 * The Ust-Ishim criteria as a DMN model ({@code benchmark/ust-ishim-eligibility.dmn}) evaluated by Apache KIE's DMN
 * engine: the benchmark's third column. The candidate is handed over as a FEEL context (enums by constant name), built
 * for every decision — the DMN engine's input, as a service using it would build it. The result is the verdict and
 * each criterion's YES / NO / UNKNOWN (no quoted explanations, no missing fields: less than the rule base answers).
 */
final class UstIshimDmn {

    private final DMNRuntime runtime;
    private final DMNModel model;
    private final int minSpecialtyYears;
    private final int trainingWindowYears;

    UstIshimDmn(int minSpecialtyYears, int trainingWindowYears) {
        this.runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
                .fromResources(List.of(ResourceFactory.newClassPathResource("benchmark/ust-ishim-eligibility.dmn", UstIshimDmn.class)))
                .getOrElseThrow(e -> new IllegalStateException("DMN model not built", e));
        this.model = runtime.getModels().get(0);
        if (model.hasErrors()) {
            throw new IllegalStateException("DMN model has errors: " + model.getMessages());
        }
        this.minSpecialtyYears = minSpecialtyYears;
        this.trainingWindowYears = trainingWindowYears;
    }

    Verdict evaluate(TeacherProfile profile, LocalDate asOf) {
        DMNContext context = runtime.newContext();
        context.set("candidate", candidate(profile));
        context.set("asOfYear", asOf.getYear());
        context.set("minSpecialtyYears", minSpecialtyYears);
        context.set("trainingWindowYears", trainingWindowYears);
        DMNResult result = runtime.evaluateAll(model, context);
        if (result.hasErrors()) {
            throw new IllegalStateException("DMN evaluation failed: " + result.getMessages());
        }
        return Verdict.valueOf((String) result.getDecisionResultByName("verdict").getResult());
    }

    private static Map<String, Object> candidate(TeacherProfile p) {
        Map<String, Object> c = new HashMap<>();
        c.put("education", p.education() == null ? null : list(p.education(), UstIshimDmn::education));
        c.put("employment", p.employment() == null ? null : employment(p.employment()));
        c.put("trainings", list(p.trainingList(), UstIshimDmn::training));
        c.put("memberships", list(p.membershipList(), UstIshimDmn::membership));
        c.put("achievements", list(p.achievementList(), UstIshimDmn::achievement));
        c.put("assessments", list(p.assessmentList(), UstIshimDmn::assessment));
        return c;
    }

    private static <T> List<Map<String, Object>> list(List<T> entries, java.util.function.Function<T, Map<String, Object>> map) {
        List<Map<String, Object>> out = new ArrayList<>(entries.size());
        entries.forEach(e -> out.add(map.apply(e)));
        return out;
    }

    private static Map<String, Object> education(Education e) {
        Map<String, Object> m = new HashMap<>();
        m.put("level", name(e.level()));
        m.put("pedagogical", e.pedagogical());
        return m;
    }

    private static Map<String, Object> employment(Employment e) {
        Map<String, Object> m = new HashMap<>();
        m.put("organizationKind", name(e.organizationKind()));
        m.put("specialtyExperienceYears", e.specialtyExperienceYears());
        m.put("pedagogicalExperienceYears", e.pedagogicalExperienceYears());
        return m;
    }

    private static Map<String, Object> training(Training t) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", name(t.kind()));
        m.put("federalRegistry", t.federalRegistry());
        m.put("year", t.year());
        return m;
    }

    private static Map<String, Object> membership(Membership x) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", name(x.kind()));
        m.put("role", name(x.role()));
        m.put("level", name(x.level()));
        return m;
    }

    private static Map<String, Object> achievement(Achievement a) {
        Map<String, Object> m = new HashMap<>();
        m.put("result", name(a.result()));
        m.put("level", name(a.level()));
        return m;
    }

    private static Map<String, Object> assessment(Assessment a) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", name(a.kind()));
        m.put("result", name(a.result()));
        return m;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
