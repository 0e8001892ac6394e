package ru.edu.decisions.rules.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.edu.decisions.model.DecisionKind;
import ru.edu.decisions.rules.dsl.ParameterException;
import ru.edu.decisions.rules.dsl.Parameters;
import ru.edu.decisions.rules.regulation.ClauseIndex;
import ru.edu.decisions.rules.regulation.RegulationText;

/**
 * Compiles a rule base, each jurisdiction into rule bases of its own (one per decision its files provide), with
 * Drools' executable model. A file {@code <kind>*.drl} of a jurisdiction folder belongs to decision {@code <kind>}
 * ({@code eligibility}, {@code routes}, {@code mentoring}) and must declare {@code package <kind>;}; the files of
 * {@code common/} for that decision are compiled in with it, and the DRL files of {@code common/} named with no kind's
 * prefix (the shared fact layer, {@code package facts;}, see {@link FactLayer}) with every decision. A compiled rule set is tried on sample candidates
 * before it is accepted, so a rule that fails at run time is caught here, not by a user.
 */
public final class RuleSetCompiler {

    private static final Logger log = LoggerFactory.getLogger(RuleSetCompiler.class);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    private final Clock clock;
    /**
     * Jurisdiction rule sets already compiled, by a digest of every file they were compiled from: a reload or a
     * publication recompiles only the jurisdictions whose files changed (the compiled rules are immutable).
     */
    private final Map<String, JurisdictionRules> compiledByDigest = Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, JurisdictionRules> eldest) {
                    return size() > 48;
                }
            });

    /** Compiled modules kept across starts (see {@link CompiledRuleCache}); none: every start compiles. */
    private final @Nullable CompiledRuleCache cache;
    /** Rule modules compiled from source by this compiler (not taken from {@link #cache}). */
    private final AtomicLong compilations = new AtomicLong();
    /**
     * A module is built or loaded by one thread at a time per key, across every compiler of the JVM (Drools' module
     * repository is one per JVM and a module's release is named by its content): identical rule files never race there.
     */
    private static final Object[] MODULE_LOCKS = java.util.stream.IntStream.range(0, 16).mapToObj(i -> new Object()).toArray();

    public RuleSetCompiler(Clock clock) {
        this(clock, null);
    }

    public RuleSetCompiler(Clock clock, @Nullable CompiledRuleCache cache) {
        this.clock = clock;
        this.cache = cache;
    }

    /** How many rule modules this compiler compiled from source (a module loaded from the cache does not count). */
    public long compilations() {
        return compilations.get();
    }

    public @Nullable CompiledRuleCache cache() {
        return cache;
    }

    /** Compiles every jurisdiction, in parallel; throws with all problems if any jurisdiction fails. */
    public RuleBase compile(RuleBaseSource source) {
        return compile(source, null);
    }

    /**
     * As {@link #compile(RuleBaseSource)}, but a rule base whose compilation and trial on the sample data take longer
     * than {@code deadline} is refused (a draft from policy staff must not hold the service): the threads are
     * interrupted and the problem names the jurisdictions that did not finish.
     */
    public RuleBase compile(RuleBaseSource source, java.time.@Nullable Duration deadline) {
        Map<String, List<RuleFile>> jurisdictions = source.jurisdictions();
        if (jurisdictions.isEmpty()) {
            throw new RuleBaseCompilationException(List.of(new CompileProblem(source.location(), null, null,
                    "В каталоге правил нет ни одной папки территории с manifest.yaml")));
        }
        List<CompileProblem> problems = Collections.synchronizedList(new ArrayList<>());
        Map<String, JurisdictionRules> compiled = Collections.synchronizedMap(new LinkedHashMap<>());
        ExecutorService workers = compilerThreads(jurisdictions.size());
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (Map.Entry<String, List<RuleFile>> entry : jurisdictions.entrySet()) {
                tasks.add(workers.submit(() -> {
                    List<CompileProblem> own = new ArrayList<>();
                    String digest = digest(entry.getKey(), entry.getValue(), source.common());
                    JurisdictionRules rules = compiledByDigest.get(digest);
                    if (rules == null) {
                        rules = compileJurisdiction(entry.getKey(), entry.getValue(), source.common(), own);
                        if (own.isEmpty() && rules != null) {
                            compiledByDigest.put(digest, rules);
                        }
                    }
                    if (own.isEmpty() && rules != null) {
                        compiled.put(entry.getKey(), rules);
                    }
                    problems.addAll(own);
                }));
            }
            long until = deadline == null ? Long.MAX_VALUE : System.nanoTime() + deadline.toNanos();
            List<String> unfinished = new ArrayList<>();
            List<String> codes = new ArrayList<>(jurisdictions.keySet());
            for (int i = 0; i < tasks.size(); i++) {
                try {
                    tasks.get(i).get(Math.max(0, until - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    unfinished.add(codes.get(i));
                }
            }
            if (!unfinished.isEmpty()) {
                workers.shutdownNow();
                throw new RuleBaseCompilationException(unfinished.stream().map(code -> new CompileProblem(
                        code + "/" + RuleBaseSource.MANIFEST, null, null, "Компиляция и пробные решения по образцам не уложились в "
                        + deadline.toSeconds() + " с — правила вычисляются слишком долго")).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Компиляция правил прервана", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Компиляция правил не удалась: " + e.getCause().getMessage(), e.getCause());
        } finally {
            workers.shutdown();
        }
        if (!problems.isEmpty()) {
            List<CompileProblem> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
            sorted.sort((a, b) -> a.file().compareTo(b.file()) != 0 ? a.file().compareTo(b.file())
                    : Integer.compare(a.line() == null ? 0 : a.line(), b.line() == null ? 0 : b.line()));
            throw new RuleBaseCompilationException(sorted);
        }
        return new RuleBase(source.location(), clock.instant(), compiled);
    }

    /**
     * Threads for compiling jurisdictions side by side. Drools finds its services through the context class loader,
     * so the threads carry this class's loader (a plain pool thread in a packaged application would not see them).
     */
    private static ExecutorService compilerThreads(int jurisdictions) {
        ClassLoader loader = RuleSetCompiler.class.getClassLoader();
        int threads = Math.max(1, Math.min(jurisdictions, Runtime.getRuntime().availableProcessors()));
        AtomicLong counter = new AtomicLong();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "rules-compiler-" + counter.incrementAndGet());
            thread.setContextClassLoader(loader);
            thread.setDaemon(true);
            return thread;
        });
    }

    private JurisdictionRules compileJurisdiction(String code, List<RuleFile> files, List<RuleFile> common,
                                                  List<CompileProblem> problems) {
        long started = System.nanoTime();
        RuleFile manifestFile = files.stream().filter(f -> f.name().equals(RuleBaseSource.MANIFEST)).findFirst().orElseThrow();
        Manifest manifest = ManifestReader.read(manifestFile, code, problems);

        Map<DecisionKind, List<RuleFile>> byKind = new LinkedHashMap<>();
        for (RuleFile file : files) {
            if (!isRuleFile(file.name())) {
                continue;
            }
            DecisionType<?> type = DecisionTypes.ofFile(file.name());
            if (type == null) {
                problems.add(new CompileProblem(file.path(), null, null, "Имя файла правил должно начинаться с "
                        + DecisionTypes.prefixes() + " — по виду решения, к которому относятся правила"));
                continue;
            }
            byKind.computeIfAbsent(type.kind(), k -> new ArrayList<>()).add(file);
        }
        Map<DecisionKind, DecisionType.Tables> tables = new LinkedHashMap<>();
        for (DecisionType<?> type : DecisionTypes.all()) {
            DecisionType.Tables read = type.readTables(code, files, common, problems);
            if (read != null) {
                tables.put(type.kind(), read);
                byKind.computeIfAbsent(type.kind(), k -> new ArrayList<>()).addAll(read.generated());
            }
        }
        if (manifest == null || !problems.isEmpty()) {
            return null;
        }
        List<RuleFile> compiledFiles = new ArrayList<>();
        byKind.forEach((kind, own) -> {
            compiledFiles.addAll(common.stream().filter(f -> f.name().endsWith(".drl") && kindOf(f.name()) == kind).toList());
            compiledFiles.addAll(own);
        });
        // The shared fact layer (common/ DRL files of no kind, package facts) goes into every kind's rule base.
        if (!byKind.isEmpty()) {
            compiledFiles.addAll(common.stream().filter(FactLayer::isShared).toList());
        }
        problems.addAll(FactLayer.missingLayer(compiledFiles, f -> kindOf(f.name()) == null));
        if (!problems.isEmpty()) {
            return null;
        }
        List<CompileProblem> found = new ArrayList<>();
        JurisdictionRules rules = compileFiles(code, manifest, manifestFile, files, compiledFiles, byKind, tables, started, found);
        for (CompileProblem problem : found) {
            for (DecisionType.Tables table : tables.values()) {
                problem = table.locate().apply(problem);
            }
            problems.add(problem);
        }
        return problems.isEmpty() ? rules : null;
    }

    private JurisdictionRules compileFiles(String code, Manifest manifest, RuleFile manifestFile, List<RuleFile> files,
                                           List<RuleFile> compiledFiles, Map<DecisionKind, List<RuleFile>> byKind,
                                           Map<DecisionKind, DecisionType.Tables> tables, long started, List<CompileProblem> problems) {
        compiledFiles.forEach(file -> checkPackage(file, problems));
        compiledFiles.forEach(file -> problems.addAll(RuleFilePolicy.check(DecisionTables.isTable(file.name())
                ? DecisionTables.asDrl(file, problems) : file)));
        if (!problems.isEmpty()) {
            return null;
        }

        boolean[] fromCache = {false};
        Map<DecisionKind, KieBase> bases = byKind.isEmpty() ? Map.of() : build(code, byKind.keySet(), compiledFiles, problems, fromCache);
        if (!problems.isEmpty()) {
            return null;
        }
        for (Map.Entry<DecisionKind, KieBase> base : bases.entrySet()) {
            String clash = FactLayer.clash(base.getValue(), packageOf(base.getKey()));
            if (clash != null) {
                RuleFile file = compiledFiles.stream().filter(f -> kindOf(f.name()) == base.getKey()
                        && ProblemLocator.lineOfRule(f.text(), clash) != null).findFirst().orElse(manifestFile);
                problems.add(new CompileProblem(file.path(), ProblemLocator.lineOfRule(file.text(), clash), clash,
                        "Правило называется так же, как правило общих сведений (rules/common, пакет " + FactLayer.PACKAGE
                        + ") — дайте ему другое имя"));
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Parameters parameters = manifest.toParameters();
        try {
            return assemble(code, manifest, manifestFile, files, compiledFiles, bases, parameters, tables, started, problems, fromCache[0]);
        } catch (ParameterException e) {
            problems.add(parameterProblem(manifestFile, e));
            return null;
        }
    }

    private JurisdictionRules assemble(String code, Manifest manifest, RuleFile manifestFile, List<RuleFile> files,
                                       List<RuleFile> compiledFiles, Map<DecisionKind, KieBase> bases, Parameters parameters,
                                       Map<DecisionKind, DecisionType.Tables> tables, long started, List<CompileProblem> problems,
                                       boolean fromCache) {
        Map<DecisionKind, Object> decisions = new java.util.EnumMap<>(DecisionKind.class);
        for (Map.Entry<DecisionKind, KieBase> base : bases.entrySet()) {
            DecisionType<?> type = DecisionTypes.of(base.getKey());
            RuleRunner runner = new RuleRunner(base.getValue(), type.maxFirings(), type.everyFiring());
            Object rules = type.rules(new DecisionType.Build(code, base.getValue(), runner, parameters, files,
                    tables.get(base.getKey())), problems);
            if (rules != null) {
                decisions.put(base.getKey(), rules);
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        RegulationText regulation = regulation(manifest, manifestFile, files, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        List<RuleFile> generated = tables.values().stream().flatMap(t -> t.generated().stream()).toList();
        List<RuleFile> versioned = new ArrayList<>(files);
        versioned.addAll(compiledFiles.stream().filter(f -> !files.contains(f) && !generated.contains(f)).toList());
        tables.values().forEach(t -> t.sources().stream().filter(f -> !versioned.contains(f)).forEach(versioned::add));
        JurisdictionRules rules = new JurisdictionRules(manifest, version(manifest, versioned),
                versioned.stream().map(RuleFile::path).sorted().toList(), decisions, regulation);
        new SelfTest(rules, manifestFile, compiledFiles, LocalDate.now(clock), problems).run();
        log.info("Rule set {} {} {} in {} ms ({} rule files)", code, rules.version(),
                fromCache ? "loaded from the compiled rules cache" : "compiled", (System.nanoTime() - started) / 1_000_000,
                compiledFiles.size());
        return problems.isEmpty() ? rules : null;
    }

    /**
     * The regulation's text named by the manifest ({@code regulation.text}) with its clause index
     * ({@code regulation.clauses}, default {@code clauses.csv}): every entry of the index must point at one paragraph.
     * No text named, or the named file absent (a rule set copied without it): none — the rules still decide, their
     * clauses are just not linked to the text.
     */
    private static @Nullable RegulationText regulation(Manifest manifest, RuleFile manifestFile, List<RuleFile> files,
                                                       List<CompileProblem> problems) {
        String textName = manifest.regulation().text();
        if (textName == null || textName.isBlank()) {
            return null;
        }
        String indexName = manifest.regulation().clauses() == null ? ClauseIndex.DEFAULT_FILE : manifest.regulation().clauses();
        RuleFile text = files.stream().filter(f -> f.name().equals(textName)).findFirst().orElse(null);
        RuleFile index = files.stream().filter(f -> f.name().equals(indexName)).findFirst().orElse(null);
        if (text == null) {
            // A rule set copied without its regulation text still decides; its clauses are just not linked.
            log.warn("{}: regulation.text names {}, which is not in the rule folder; the regulation page has no text",
                    manifestFile.path(), textName);
            return null;
        }
        List<String> found = new ArrayList<>();
        ClauseIndex clauses = index == null ? new ClauseIndex(List.of()) : ClauseIndex.parse(index.text(), found);
        RegulationText regulation = RegulationText.parse(text.text(), clauses, found);
        String where = index == null ? manifestFile.path() : index.path();
        found.forEach(problem -> problems.add(new CompileProblem(where, null, null, problem)));
        return regulation;
    }

    private static @Nullable DecisionKind kindOf(String fileName) {
        DecisionType<?> type = DecisionTypes.ofFile(fileName);
        return type == null ? null : type.kind();
    }

    /** The DRL package (and file-name prefix) of a decision's rules. */
    public static String packageOf(DecisionKind kind) {
        return DecisionTypes.of(kind).prefix();
    }

    /** A rule file: DRL, or a decision table ({@code .drl.csv}) that Drools turns into DRL. */
    private static boolean isRuleFile(String name) {
        return name.endsWith(".drl") || DecisionTables.isTable(name);
    }

    private static void checkPackage(RuleFile file, List<CompileProblem> problems) {
        DecisionKind kind = kindOf(file.name());
        String expected = kind == null ? FactLayer.PACKAGE : packageOf(kind);
        Matcher matcher = (DecisionTables.isTable(file.name()) ? DecisionTables.RULE_SET : PACKAGE).matcher(file.text());
        if (!matcher.find()) {
            problems.add(new CompileProblem(file.path(), 1, null, DecisionTables.isTable(file.name())
                    ? "В таблице нет строки «RuleSet," + expected + "»" : "В файле нет строки «package " + expected + ";»"));
        } else if (!matcher.group(1).equals(expected)) {
            int line = (int) file.text().substring(0, matcher.start(1)).chars().filter(c -> c == '\n').count() + 1;
            problems.add(new CompileProblem(file.path(), line, null, "Пакет должен быть «" + expected + "» ("
                    + (kind == null ? "общие сведения для всех видов решений" : "по виду решения, которое задаёт имя файла")
                    + "), а указан «" + matcher.group(1) + "»"));
        }
    }

    private Map<DecisionKind, KieBase> build(String code, Iterable<DecisionKind> kinds, List<RuleFile> files,
                                             List<CompileProblem> problems, boolean[] fromCache) {
        List<byte[]> keyParts = new ArrayList<>();
        keyParts.add(code.getBytes(StandardCharsets.UTF_8));
        for (DecisionKind kind : kinds) {
            keyParts.add((kind.name() + (DecisionTypes.of(kind).immutableBase() ? ":immutable" : "")).getBytes(StandardCharsets.UTF_8));
        }
        for (RuleFile file : files) {
            keyParts.add(file.path().getBytes(StandardCharsets.UTF_8));
            keyParts.add(file.content());
        }
        String key = CompiledRuleCache.key(keyParts);
        synchronized (MODULE_LOCKS[Math.floorMod(key.hashCode(), MODULE_LOCKS.length)]) {
            KieServices services = KieServices.Factory.get();
            Map<String, String> sources = new LinkedHashMap<>();
            for (RuleFile file : files) {
                sources.put(file.path(), file.text());
            }
            InternalKieModule module = cached(services, key, sources);
            fromCache[0] = module != null;
            if (module == null) {
                module = compileModule(services, code, key, kinds, files, sources, problems);
                if (module == null) {
                    return Map.of();
                }
            }
            ReleaseId releaseId = module.getReleaseId();
            try {
                KieContainer container = services.newKieContainer(releaseId);
                Map<DecisionKind, KieBase> bases = new LinkedHashMap<>();
                for (DecisionKind kind : kinds) {
                    bases.put(kind, container.getKieBase(packageOf(kind)));
                }
                return bases;
            } finally {
                services.getRepository().removeKieModule(releaseId);
            }
        }
    }

    /**
     * The module stored in the cache under {@code key}, added to the repository; null when there is none or it cannot
     * be used (damaged, or its bytecode refused) — then it is compiled again.
     */
    private @Nullable InternalKieModule cached(KieServices services, String key, Map<String, String> sources) {
        if (cache == null) {
            return null;
        }
        byte[] bytes = cache.load(key);
        if (bytes == null) {
            return null;
        }
        InternalKieModule module;
        try {
            module = (InternalKieModule) services.getRepository().addKieModule(services.getResources().newByteArrayResource(bytes));
        } catch (RuntimeException e) {
            cache.reject(key, "not a rule module");
            return null;
        }
        if (!checkGeneratedCode(module, new ProblemLocator(sources)).isEmpty()) {
            services.getRepository().removeKieModule(module.getReleaseId());
            cache.reject(key, "refused by the bytecode check");
            return null;
        }
        cache.hit();
        return module;
    }

    private @Nullable InternalKieModule compileModule(KieServices services, String code, String key, Iterable<DecisionKind> kinds,
                                                      List<RuleFile> files, Map<String, String> sources,
                                                      List<CompileProblem> problems) {
        compilations.incrementAndGet();
        KieFileSystem kfs = services.newKieFileSystem();
        // Named by the content: a module loaded from the cache later has the same release as when it was compiled.
        ReleaseId releaseId = services.newReleaseId("ru.edu.decisions.rulesets", code.replaceAll("[^A-Za-z0-9_.-]", "_"),
                "1.0." + key.substring(0, 20));
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel model = services.newKieModuleModel();
        boolean shared = files.stream().anyMatch(f -> kindOf(f.name()) == null);
        for (DecisionKind kind : kinds) {
            var base = model.newKieBaseModel(packageOf(kind)).addPackage(packageOf(kind)).setMutability(
                    DecisionTypes.of(kind).immutableBase() ? KieBaseMutabilityOption.DISABLED : KieBaseMutabilityOption.ALLOWED);
            if (shared) {
                base.addPackage(FactLayer.PACKAGE);
            }
        }
        kfs.writeKModuleXML(model.toXML());
        for (RuleFile file : files) {
            kfs.write("src/main/resources/" + file.path(), ResourceFactory.newByteArrayResource(file.content()));
        }
        KieBuilder builder = services.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            ProblemLocator locator = new ProblemLocator(sources);
            for (Message error : errors) {
                String text = error.getText() == null ? "" : error.getText();
                if (text.startsWith("Java source of") || text.startsWith("Parser returned a null Package")) {
                    continue;
                }
                String path = error.getPath() == null ? null : error.getPath().replaceFirst("^src/main/resources/", "");
                CompileProblem problem = locator.locate(path, error.getLine(), text);
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
            if (problems.isEmpty()) {
                errors.forEach(e -> problems.add(new CompileProblem(code, null, null, e.getText())));
            }
            services.getRepository().removeKieModule(releaseId);
            return null;
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        List<CompileProblem> unsafe = checkGeneratedCode(module, new ProblemLocator(sources));
        if (!unsafe.isEmpty()) {
            problems.addAll(unsafe);
            services.getRepository().removeKieModule(releaseId);
            return null;
        }
        if (cache != null) {
            cache.store(key, module.getBytes());
        }
        return module;
    }

    /**
     * The bytecode compiled from the rule files, checked before any of it is loaded (see {@link GeneratedCodePolicy}):
     * each forbidden use is reported against the rule file and line that names it, where it can be found.
     */
    private static List<CompileProblem> checkGeneratedCode(InternalKieModule module, ProblemLocator locator) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name, module.getBytes(name));
            }
        }
        List<CompileProblem> problems = new ArrayList<>();
        for (GeneratedCodePolicy.Violation violation : GeneratedCodePolicy.check(classes)) {
            String what = violation.what().startsWith("рекурсия") || violation.what().startsWith("цикл")
                    ? violation.what() : "«" + violation.what() + "»";
            CompileProblem problem = locator.locateWord(violation.word(), "В правилах используется " + what + " — это не допускается: "
                    + "правило решает по переданным ему сведениям и не обращается к системе, файлам, сети, потокам, часам "
                    + "или устройству движка, не повторяет код в цикле и не вызывает само себя");
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** A manifest parameter a rule needs is missing or malformed: the problem is the manifest's, at the parameter's line. */
    static CompileProblem parameterProblem(RuleFile manifestFile, ParameterException e) {
        Pattern key = Pattern.compile("^\\s*" + Pattern.quote(e.parameter()) + "\\s*:");
        String[] lines = manifestFile.text().split("\n", -1);
        Integer line = null;
        for (int i = 0; i < lines.length && line == null; i++) {
            if (key.matcher(lines[i]).find()) {
                line = i + 1;
            }
        }
        return new CompileProblem(manifestFile.path(), line, null, e.getMessage());
    }

    private static String digest(String code, List<RuleFile> files, List<RuleFile> common) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(code.getBytes(StandardCharsets.UTF_8));
            for (List<RuleFile> group : List.of(files, common)) {
                group.stream().sorted((a, b) -> a.path().compareTo(b.path())).forEach(file -> {
                    digest.update((byte) 0);
                    digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    digest.update(file.content());
                });
                digest.update((byte) 1);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String version(Manifest manifest, List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.stream().sorted((a, b) -> a.path().compareTo(b.path())).forEach(file -> {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            });
            return manifest.ruleSetVersion() + "+" + HexFormat.of().formatHex(digest.digest()).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
