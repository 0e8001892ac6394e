package ru.edu.decisions.service.eligibility;

import ru.edu.decisions.rules.eligibility.EligibilityRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.EligibilityDecision;
import ru.edu.decisions.rules.dsl.Fact;
import ru.edu.decisions.rules.eligibility.EligibilityOutcome;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.decisionlog.DecisionLog;
import ru.edu.decisions.service.decisionlog.DecisionRecord;
import ru.edu.decisions.service.rulesets.RuleSets;

/**
 * Eligibility decisions: the jurisdiction's rules decide, this class only frames the outcome as the contract's
 * decision and appends it to the decision log.
 */
@Service
public class EligibilityService {

    private final RuleSets ruleSets;
    private final DecisionLog log;
    private final JsonCodec json;
    private final Clock clock;

    public EligibilityService(RuleSets ruleSets, DecisionLog log, JsonCodec json, Clock clock) {
        this.ruleSets = ruleSets;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    /** A decision together with the log entry that records it. */
    public record Logged(EligibilityDecision decision, DecisionRecord record) {
    }

    public LocalDate asOfOrToday(@Nullable LocalDate asOf) {
        return asOf == null ? LocalDate.now(clock) : asOf;
    }

    /** The jurisdiction's eligibility rules in a snapshot; 404 when it has none. */
    public JurisdictionRules rules(RuleBase base, String jurisdiction) {
        return ruleSets.requireDecision(base, jurisdiction, DecisionKind.ELIGIBILITY);
    }

    /** The jurisdiction's eligibility rules in force on {@code asOf} in a snapshot; 404 when it has none. */
    public JurisdictionRules rules(RuleBase base, String jurisdiction, LocalDate asOf) {
        return ruleSets.requireDecision(base, jurisdiction, DecisionKind.ELIGIBILITY, asOf);
    }

    /** Decides and appends the decision to the log. */
    public Logged decideAndLog(String jurisdiction, LocalDate asOf, TeacherProfile candidate,
                               DecisionRecord.Source source, @Nullable UUID subjectId, boolean withTrace) {
        JurisdictionRules rules = rules(ruleSets.current(), jurisdiction, asOf);
        Logged logged = decide(rules, asOf, candidate, source, subjectId, withTrace);
        log.append(logged.record());
        return logged;
    }

    /** Decides without logging (the caller logs, e.g. a whole batch at once). */
    public Logged decide(JurisdictionRules rules, LocalDate asOf, TeacherProfile candidate,
                         DecisionRecord.Source source, @Nullable UUID subjectId, boolean withTrace) {
        EligibilityOutcome outcome = rules.decision(EligibilityRules.class).orElseThrow().evaluate(candidate, asOf);
        EligibilityDecision decision = new EligibilityDecision(Ids.newId(), rules.code(), rules.ref(), asOf,
                outcome.verdict(), outcome.grounds(), outcome.reasons(), outcome.missing(),
                withTrace ? outcome.trace() : List.of(),
                withTrace ? outcome.facts().stream().map(Fact::toDerivedFact).toList() : List.of());
        DecisionRecord record = new DecisionRecord(decision.decisionId(), DecisionKind.ELIGIBILITY, source,
                rules.code(), rules.version(), asOf, outcome.verdict().name(), outcome.grounds(), outcome.reasons(),
                json.hash(rules.code(), asOf.toString(), candidate.withoutPersonalData()), subjectId, Instant.now(clock), json.write(decision));
        return new Logged(decision, record);
    }

    public void logAll(List<DecisionRecord> records) {
        log.appendAll(records);
    }
}
