package ru.edu.decisions.service.rulesets;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.edu.decisions.model.Reason;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.eligibility.ScenarioCheck;
import ru.edu.decisions.rules.engine.CompileProblem;

/** Request and response shapes of rule-set drafts and publications. */
public final class RuleSetViews {

    private RuleSetViews() {
    }

    /**
     * A draft: the files that change (by name, e.g. {@code eligibility.drl}, {@code manifest.yaml},
     * {@code scenarios/eligibility.csv}) and why. The draft is completed from its base: the version in force now, or
     * {@code baseVersionId} (a published version of the jurisdiction).
     */
    public record NewDraft(@NotEmpty @Size(max = 20) Map<String, @Size(max = 2_000_000) String> files,
                           @Nullable @Size(max = 2000) String comment, @Nullable UUID baseVersionId) {
    }

    /** A publication: the date it is in force from (default: today in the service's zone). */
    public record Publication(@Nullable LocalDate effectiveFrom) {
    }

    /** A rollback and why (recorded with it). */
    public record Rollback(@Nullable @Size(max = 2000) String reason) {
    }

    /** A re-decision of the stored candidates: the date decided on (default: today). */
    public record Redecision(@Nullable LocalDate asOf) {
    }

    /**
     * A draft or published version. {@code files} holds the complete rule set when one version is asked for;
     * {@code changes} what it changes against its base; {@code compiles}: the rules compile and pass the rule-file
     * checks; {@code scenarios}: the jurisdiction's scenario tables run on it; {@code publishable}: both.
     * {@code inForce}: in an answer to a publication or rollback, the rule set in force today.
     */
    public record Draft(UUID id, String jurisdiction, RuleSetVersion.Status status, List<String> fileNames,
                        @Nullable Map<String, String> files, @Nullable String comment, String author, Instant createdAt,
                        boolean compiles, List<CompileProblem> problems, @Nullable String approver,
                        @Nullable Instant publishedAt, @Nullable Instant rolledBackAt, @Nullable String rolledBackBy,
                        @Nullable UUID baseVersionId, @Nullable String baseRuleSet, @Nullable List<FileChange> changes,
                        @Nullable ScenarioReport scenarios, boolean publishable, @Nullable LocalDate effectiveFrom,
                        @Nullable String rollbackReason, @Nullable InForce inForce) {

        Draft withInForce(InForce now) {
            return new Draft(id, jurisdiction, status, fileNames, files, comment, author, createdAt, compiles, problems,
                    approver, publishedAt, rolledBackAt, rolledBackBy, baseVersionId, baseRuleSet, changes, scenarios,
                    publishable, effectiveFrom, rollbackReason, now);
        }
    }

    /** A file a draft adds, changes or removes against its base. */
    public record FileChange(String file, String change) {
    }

    /** The scenario tables of a draft run on its rules: rows checked and every failing row. */
    public record ScenarioReport(int rows, int failed, List<ScenarioCheck.Failure> failures) {
    }

    /**
     * A rule set in force: its exact version, the date it is in force from (null: from the beginning), the published
     * version it comes from (null: the rule directory or the shipped rule base).
     */
    public record InForce(String version, @Nullable LocalDate from, @Nullable UUID versionId) {
    }

    /** The rule files in effect for a jurisdiction and the version they make. */
    public record Files(String jurisdiction, String version, Map<String, String> files) {
    }

    /**
     * What publishing a draft would change for the stored candidates, each decided again on {@code asOf} by the rules
     * in force on that date and by the draft (stored verdicts are not read). {@code directions}: how many changed
     * from one verdict to another («ELIGIBLE→NOT_ELIGIBLE»); {@code changes}: one page of them, by candidate id.
     */
    public record Simulation(String jurisdiction, String activeVersion, String draftVersion, int candidates, int changed,
                             Map<Verdict, Long> before, Map<Verdict, Long> after, List<Change> changes,
                             LocalDate asOf, Map<String, Long> directions, int page, int size, int totalPages, long millis,
                             @Nullable RouteSimulation routes, @Nullable MentoringSimulation mentoring) {
    }

    /**
     * What publishing a draft that touches the mentoring rules (mentoring*.drl, a parameter they or the choice of
     * mentees read) would change in the jurisdiction's mentoring run: the run decided again on {@code asOf} over the
     * stored mentors, teachers, routes and confirmed pairs, by the rules in force and by the draft ({@code runs}: the
     * stored runs of the jurisdiction; a run keeps only its result, so the current data is decided). Null when the draft
     * leaves the mentoring rules as they are or no run is stored. {@code changes}: one page, by mentee id.
     */
    public record MentoringSimulation(int runs, int mentees, int changed, List<MentoringChange> changes, int page, int size,
                                      int totalPages) {
    }

    /**
     * One mentee (a teacher id) whose mentor (a registry member id) or pair score differs, or who is assigned on one
     * side only; with the reasons that differ (no personal data).
     */
    public record MentoringChange(String menteeId, @Nullable String mentorBefore, @Nullable String mentorAfter,
                                  @Nullable Integer scoreBefore, @Nullable Integer scoreAfter, List<Reason> beforeReasons,
                                  List<Reason> afterReasons) {
    }

    /**
     * What publishing a draft that touches the route rules (routes*.drl, the catalogue, the route parameters of the
     * manifest) would change for the stored ACTIVE routes of the jurisdiction: each decided again from its stored
     * diagnostics on {@code asOf} by the rules in force on that date and by the draft. Null in a simulation when the
     * draft leaves the route rules as they are. {@code changes}: one page (the simulation's page and size), by route id.
     */
    public record RouteSimulation(int routes, int changed, List<RouteChange> changes, int page, int size, int totalPages) {
    }

    /** One stored route before and after, with the reasons that differ (no personal data: ids, activities, hours). */
    public record RouteChange(UUID routeId, UUID teacherId, RouteSide before, RouteSide after, List<Reason> beforeReasons,
                              List<Reason> afterReasons) {
    }

    /**
     * A route as the rules decide it: its result ({@code ROUTE}, {@code ALL_DEFERRED}, {@code NEEDS_NOT_MET},
     * {@code EMPTY}), the deficits found («AREA:LEVEL»), its items and total hours.
     */
    public record RouteSide(String result, List<String> deficits, List<RouteItemSide> items, int totalHours) {
    }

    /** One item of a route: the catalogue activity, its title and hours, and whether it waits for a later school year. */
    public record RouteItemSide(String activityId, String title, int hours, boolean deferred) {
    }

    /** One candidate's verdict before and after, with the reasons that differ (no personal data). */
    public record Change(UUID candidateId, @Nullable Verdict before, Verdict after, List<Reason> beforeReasons,
                         List<Reason> afterReasons) {
    }
}
