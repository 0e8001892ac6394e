package ru.edu.decisions.service.rulesets;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.model.TeacherProfile;
import ru.edu.decisions.model.eligibility.Verdict;
import ru.edu.decisions.rules.engine.CompileProblem;
import ru.edu.decisions.rules.engine.DecisionEngine;
import ru.edu.decisions.rules.engine.JurisdictionRules;
import ru.edu.decisions.rules.engine.RuleBase;
import ru.edu.decisions.rules.engine.RuleBaseCompilationException;
import ru.edu.decisions.rules.engine.RuleBaseSource;
import ru.edu.decisions.rules.engine.RuleFile;
import ru.edu.decisions.rules.engine.RuleSetCompiler;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.DecisionsProperties;
import ru.edu.decisions.service.common.DecisionThreads;
import ru.edu.decisions.service.common.Ids;
import ru.edu.decisions.service.common.JsonCodec;
import ru.edu.decisions.service.rulesets.RuleSetVersion.Status;
import ru.edu.decisions.service.rulesets.RuleSetViews.Change;
import ru.edu.decisions.service.rulesets.RuleSetViews.Draft;
import ru.edu.decisions.service.rulesets.RuleSetViews.Files;
import ru.edu.decisions.service.rulesets.RuleSetViews.Simulation;
import tools.jackson.core.type.TypeReference;

/**
 * Rule-set changes with four eyes: a policy editor submits a draft (checked by compiling it at once), anyone may
 * simulate what it would do to the stored candidates, and a policy approver who is not its author publishes it —
 * it then overlays the rule directory on every instance — or rolls the latest publication back.
 */
@Service
public class RuleSetDrafts {

    private static final Pattern FILE_NAME = Pattern.compile("(manifest\\.yaml|(eligibility|routes|mentoring)[\\w-]*\\.drl|[\\w-]+\\.csv|[\\w-]+\\.txt)");
    private static final TypeReference<List<CompileProblem>> PROBLEMS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() { };

    private final RuleSetVersionRepository versions;
    private final RuleBaseLoader loader;
    private final RuleSetCompiler compiler;
    private final DecisionEngine engine;
    private final RuleSets ruleSets;
    private final JsonCodec json;
    private final JdbcClient sql;
    private final DecisionThreads threads;
    private final Clock clock;
    private final RuleSetSync sync;
    private final DecisionsProperties properties;

    RuleSetDrafts(RuleSetVersionRepository versions, RuleBaseLoader loader, RuleSetCompiler compiler,
                  DecisionEngine engine, RuleSets ruleSets, JsonCodec json, JdbcClient sql,
                  DecisionThreads threads, Clock clock, RuleSetSync sync, DecisionsProperties properties) {
        this.sync = sync;
        this.properties = properties;
        this.versions = versions;
        this.loader = loader;
        this.compiler = compiler;
        this.engine = engine;
        this.ruleSets = ruleSets;
        this.json = json;
        this.sql = sql;
        this.threads = threads;
        this.clock = clock;
    }

    /** The files in effect for a jurisdiction (directory + published version). */
    public Files files(String jurisdiction) {
        JurisdictionRules rules = ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        Map<String, String> files = new TreeMap<>();
        for (RuleFile file : loader.load().files()) {
            if (file.path().startsWith(jurisdiction + "/")) {
                files.put(file.name(), file.text());
            }
        }
        return new Files(jurisdiction, rules.version(), files);
    }

    /**
     * Stores a draft with the result of its check: compiled and tried on the sample data within the configured time,
     * outside any transaction (the check may take seconds and holds no connection).
     */
    public Draft create(String jurisdiction, Map<String, String> files, @Nullable String comment, String author) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        files.keySet().forEach(name -> {
            if (!FILE_NAME.matcher(name).matches()) {
                throw ApiException.badRequest("Недопустимое имя файла «" + name + "»: допускаются manifest.yaml, "
                        + "eligibility*.drl, routes*.drl, mentoring*.drl, таблицы *.csv и текст Положения *.txt");
            }
        });
        List<CompileProblem> problems = check(jurisdiction, files);
        RuleSetVersion draft = versions.save(new RuleSetVersion(Ids.newId(), null, jurisdiction, Status.DRAFT,
                json.write(new TreeMap<>(files)), comment, author, clock.instant(), json.write(problems), null, null, null, null));
        return view(draft, true);
    }

    public List<Draft> list(String jurisdiction) {
        return versions.findByJurisdictionOrderByCreatedAtDesc(jurisdiction).stream().map(v -> view(v, false)).toList();
    }

    public Draft get(String jurisdiction, UUID id) {
        return view(find(jurisdiction, id), true);
    }

    @Transactional
    public Draft withdraw(String jurisdiction, UUID id, String by) {
        RuleSetVersion draft = find(jurisdiction, id);
        if (draft.status() != Status.DRAFT) {
            throw ApiException.conflict("Отозвать можно только черновик; этот — " + draft.status());
        }
        if (!draft.author().equals(by)) {
            throw ApiException.forbidden("Отозвать черновик может только его автор (" + draft.author() + ")");
        }
        return view(versions.save(draft.withStatus(Status.WITHDRAWN)), false);
    }

    /** Publishes a draft: never by its own author; only if it compiles over the rules in effect now. */
    @Transactional
    public Draft publish(String jurisdiction, UUID id, String approver) {
        RuleSetVersion draft = find(jurisdiction, id);
        if (draft.author().equals(approver)) {
            throw ApiException.forbidden("Черновик нельзя утвердить его же автору (" + approver
                    + "): публикацию выполняет другой специалист с ролью POLICY_APPROVER");
        }
        if (draft.status() != Status.DRAFT) {
            throw ApiException.conflict("Опубликовать можно только черновик; этот — " + draft.status());
        }
        List<CompileProblem> problems = check(jurisdiction, json.read(draft.files(), FILES));
        if (!problems.isEmpty()) {
            throw ApiException.conflict("Черновик не компилируется с действующими правилами: " + problems.get(0).describe());
        }
        versions.findByJurisdictionAndStatusOrderByPublishedAtDesc(jurisdiction, Status.PUBLISHED)
                .forEach(previous -> versions.save(previous.withStatus(Status.SUPERSEDED)));
        RuleSetVersion published = versions.save(draft.published(approver, clock.instant()));
        reloadOrFail();
        return view(published, false);
    }

    /** Rolls back the latest publication of a jurisdiction: the one it superseded (or the rule directory) is in effect again. */
    @Transactional
    public Draft rollback(String jurisdiction, String by) {
        ruleSets.jurisdiction(ruleSets.current(), jurisdiction);
        List<RuleSetVersion> published = versions.findByJurisdictionAndStatusOrderByPublishedAtDesc(jurisdiction, Status.PUBLISHED);
        if (published.isEmpty()) {
            throw ApiException.conflict("У территории «" + jurisdiction + "» нет опубликованной версии правил, откатывать нечего");
        }
        RuleSetVersion rolledBack = versions.save(published.get(0).rolledBack(by, clock.instant()));
        versions.findByJurisdictionAndStatusOrderByPublishedAtDesc(jurisdiction, Status.SUPERSEDED).stream()
                .findFirst().ifPresent(previous -> versions.save(previous.withStatus(Status.PUBLISHED)));
        reloadOrFail();
        return view(rolledBack, false);
    }

    /** What publishing the draft would do to the stored candidates' verdicts (nothing is stored). */
    public Simulation simulate(String jurisdiction, UUID id) {
        RuleSetVersion draft = find(jurisdiction, id);
        RuleBase active = ruleSets.current();
        JurisdictionRules now = ruleSets.requireDecision(active, jurisdiction, DecisionKind.ELIGIBILITY);
        RuleBase proposed;
        try {
            proposed = compiler.compile(source(jurisdiction, json.read(draft.files(), FILES)));
        } catch (RuleBaseCompilationException e) {
            throw ApiException.conflict("Черновик не компилируется: " + e.problems().get(0).describe());
        }
        JurisdictionRules next = ruleSets.requireDecision(proposed, jurisdiction, DecisionKind.ELIGIBILITY);
        List<Row> rows = sql.sql("""
                        SELECT c.id, c.latest_verdict, c.profile FROM candidate c
                        WHERE c.jurisdiction = ? ORDER BY c.id""")
                .param(jurisdiction)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2) == null ? null : Verdict.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .list();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<Verdict> after = threads.run(() -> rows.parallelStream()
                .map(r -> next.eligibility().orElseThrow().evaluate(json.read(r.profile(), TeacherProfile.class), today).verdict())
                .toList());
        Map<Verdict, Long> beforeCounts = new EnumMap<>(Verdict.class);
        Map<Verdict, Long> afterCounts = new EnumMap<>(Verdict.class);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.verdict() != null) {
                beforeCounts.merge(row.verdict(), 1L, Long::sum);
            }
            afterCounts.merge(after.get(i), 1L, Long::sum);
            if (!Objects.equals(row.verdict(), after.get(i))) {
                changes.add(new Change(row.id(), row.verdict(), after.get(i)));
            }
        }
        return new Simulation(jurisdiction, now.version(), next.version(), rows.size(), changes.size(), beforeCounts,
                afterCounts, changes.stream().limit(1000).toList());
    }

    private record Row(UUID id, @Nullable Verdict verdict, String profile) {
    }

    private List<CompileProblem> check(String jurisdiction, Map<String, String> files) {
        try {
            compiler.compile(source(jurisdiction, files), properties.draftCheckTimeout());
            return List.of();
        } catch (RuleBaseCompilationException e) {
            return e.problems();
        }
    }

    /** The rules in effect for the jurisdiction, with the draft's files over them. */
    private RuleBaseSource source(String jurisdiction, Map<String, String> files) {
        Map<String, byte[]> bytes = new TreeMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return loader.load().only(jurisdiction).overlay(jurisdiction, bytes, "черновик");
    }

    private void reloadOrFail() {
        DecisionEngine.Reload reload = engine.reload(loader.load());
        if (!reload.applied()) {
            throw ApiException.conflict("Правила с этой версией не скомпилированы: " + reload.problems().get(0).describe());
        }
        sync.acknowledge();
    }

    private RuleSetVersion find(String jurisdiction, UUID id) {
        return versions.findById(id).filter(v -> v.jurisdiction().equals(jurisdiction))
                .orElseThrow(() -> ApiException.notFound("Версия правил " + id + " не найдена"));
    }

    private Draft view(RuleSetVersion v, boolean withFiles) {
        Map<String, String> files = json.read(v.files(), FILES);
        List<CompileProblem> problems = v.checkResult() == null ? List.of() : json.read(v.checkResult(), PROBLEMS);
        return new Draft(v.id(), v.jurisdiction(), v.status(), List.copyOf(files.keySet()), withFiles ? files : null,
                v.comment(), v.author(), v.createdAt(), problems.isEmpty(), problems, v.approver(), v.publishedAt(),
                v.rolledBackAt(), v.rolledBackBy());
    }
}
