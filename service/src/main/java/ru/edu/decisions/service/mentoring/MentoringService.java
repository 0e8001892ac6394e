package ru.edu.decisions.service.mentoring;

import ru.edu.decisions.rules.mentoring.MentoringRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.mentoring.Mentee;
import ru.edu.decisions.model.mentoring.Mentor;
import ru.edu.decisions.model.mentoring.MentoringDecision;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.mentoring.MentoringOutcome;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.decisionlog.DecisionLog;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.rulesets.RuleSets;

/**
 * Mentoring decisions: the jurisdiction's pair rules and the optimiser decide; this class checks the input as a whole
 * (ids unique), frames the outcome as the contract's decision and appends it to the decision log.
 */
@Service
public class MentoringService {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(MentoringService.class);

    private final RuleSets ruleSets;
    private final DecisionLog log;
    private final JsonCodec json;
    private final Clock clock;

    MentoringService(RuleSets ruleSets, DecisionLog log, JsonCodec json, Clock clock) {
        this.ruleSets = ruleSets;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    public JurisdictionRules rules(String jurisdiction) {
        return ruleSets.requireDecision(ruleSets.current(), jurisdiction, DecisionKind.MENTORING);
    }

    /** The jurisdiction's mentoring rules in force on {@code asOf}. */
    public JurisdictionRules rules(String jurisdiction, LocalDate asOf) {
        return ruleSets.requireDecision(ruleSets.current(), jurisdiction, DecisionKind.MENTORING, asOf);
    }

    /** Duplicate mentor or mentee ids are a 400 naming every duplicate. */
    public static void requireUniqueIds(List<Mentor> mentors, List<Mentee> mentees) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mentors.size(); i++) {
            if (!seen.add(mentors.get(i).id())) {
                errors.add(new ApiException.FieldError("mentors[" + i + "].id", "Наставник с id «" + mentors.get(i).id()
                        + "» уже есть в списке: id наставников не должны повторяться"));
            }
        }
        seen.clear();
        for (int i = 0; i < mentees.size(); i++) {
            if (!seen.add(mentees.get(i).id())) {
                errors.add(new ApiException.FieldError("mentees[" + i + "].id", "Наставляемый с id «" + mentees.get(i).id()
                        + "» уже есть в списке: id наставляемых не должны повторяться"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("В запросе повторяются id", errors);
        }
    }

    /** Decides and logs; the logged document holds ids, scores and reasons, no personal data. */
    public MentoringDecision decide(String jurisdiction, @Nullable LocalDate asOf, List<Mentor> mentors, List<Mentee> mentees,
                                    DecisionRecord.Source source, @Nullable UUID subjectId, boolean withTrace) {
        requireUniqueIds(mentors, mentees);
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        JurisdictionRules rules = ruleSets.requireDecision(ruleSets.current(), jurisdiction, DecisionKind.MENTORING, date);
        MentoringOutcome outcome = rules.decision(MentoringRules.class).orElseThrow().evaluate(mentors, mentees, date);
        MentoringDecision decision = new MentoringDecision(Ids.newId(), rules.code(), rules.ref(), date, outcome.assignments(),
                outcome.unassigned(), outcome.objective(), withTrace ? outcome.trace() : List.of());
        log.append(new DecisionRecord(decision.decisionId(), DecisionKind.MENTORING, source, rules.code(), rules.version(),
                date, "ASSIGNED " + outcome.assignments().size() + "/" + mentees.size(), List.of(), List.of(),
                json.hash(rules.code(), date.toString(), mentors, mentees), subjectId, Instant.now(clock), json.write(decision)));
        logger.info("Mentoring decision {} in {}: {} mentors, {} mentees, {} admissible pairs, {} assigned; rules {} ms, solver {} ms",
                decision.decisionId(), rules.code(), mentors.size(), mentees.size(), outcome.admissiblePairs(),
                outcome.assignments().size(), outcome.ruleNanos() / 1_000_000, outcome.solverNanos() / 1_000_000);
        return decision;
    }
}
