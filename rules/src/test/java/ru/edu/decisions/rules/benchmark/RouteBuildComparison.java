package ru.edu.decisions.rules.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The route benchmark of two builds in one JVM, for a before/after comparison on a shared machine: each build (its
 * class path and the folder holding its {@code rules/}) in a class loader of its own, over the same 1,000 generated
 * diagnostics as {@link RouteBenchmark}, measured in alternating rounds (A B, B A, …) as CPU time of this thread per
 * decision, so that whatever else the machine runs falls on both alike. Arguments: class path A, folder A, class path
 * B, folder B, jurisdiction, rounds, seconds per round. Not a test: run it with {@code java -cp …}.
 */
public final class RouteBuildComparison {

    private RouteBuildComparison() {
    }

    static final class Side {
        final String name;
        final ClassLoader loader;
        final Object rules;
        final List<?> inputs;
        final Method evaluate;
        final Method teacher;
        final Method school;
        final Method diagnostics;
        final Method preferences;
        final Method trace;
        Object[][] args;
        double cpuNanos;
        long decisions;

        /** Compiles the rules under {@code dir} with the classes of {@code cp} and takes the benchmark's inputs. */
        Side(String name, String cp, String dir, String jurisdiction) throws Exception {
            this.name = name;
            List<URL> urls = new ArrayList<>();
            for (String entry : cp.split(":")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> compilerClass = loader.loadClass("ru.edu.decisions.rules.engine.RuleSetCompiler");
            Class<?> sourceClass = loader.loadClass("ru.edu.decisions.rules.engine.RuleBaseSource");
            Object source = sourceClass.getMethod("fromDirectory", Path.class).invoke(null, Path.of(dir, "rules"));
            Object compiler = compilerClass.getConstructor(Clock.class).newInstance(Clock.systemDefaultZone());
            Object base = compilerClass.getMethod("compile", sourceClass).invoke(compiler, source);
            Object jr = ((java.util.Optional<?>) base.getClass().getMethod("jurisdiction", String.class).invoke(base, jurisdiction)).orElseThrow();
            Class<?> routeRules = loader.loadClass("ru.edu.decisions.rules.routes.RouteRules");
            rules = ((java.util.Optional<?>) jr.getClass().getMethod("decision", Class.class).invoke(jr, routeRules)).orElseThrow();
            Class<?> bench = loader.loadClass("ru.edu.decisions.rules.benchmark.RouteBenchmark");
            Method in = bench.getDeclaredMethod("inputs", Random.class, int.class);
            in.setAccessible(true);
            inputs = (List<?>) in.invoke(null, new Random(2026), 1000);
            Class<?> input = loader.loadClass("ru.edu.decisions.rules.benchmark.RouteBenchmark$Input");
            teacher = input.getDeclaredMethod("teacher");
            school = input.getDeclaredMethod("school");
            diagnostics = input.getDeclaredMethod("diagnostics");
            preferences = input.getDeclaredMethod("preferences");
            for (Method accessor : List.of(teacher, school, diagnostics, preferences)) {
                accessor.setAccessible(true);
            }
            Method found = null;
            for (Method method : routeRules.getMethods()) {
                if (method.getName().equals("evaluate")) {
                    found = method;
                }
            }
            evaluate = java.util.Objects.requireNonNull(found);
            trace = loader.loadClass("ru.edu.decisions.rules.routes.RouteOutcome").getMethod("trace");
        }
        void prepare(LocalDate asOf) throws Exception {
            args = new Object[inputs.size()][];
            for (int i = 0; i < inputs.size(); i++) {
                Object x = inputs.get(i);
                args[i] = new Object[] {teacher.invoke(x), school.invoke(x), diagnostics.invoke(x), preferences.invoke(x), asOf};
            }
        }
        double traceSize() throws Exception {
            long n = 0;
            for (Object[] decision : args) {
                n += ((List<?>) trace.invoke(evaluate.invoke(rules, decision))).size();
            }
            return n / (double) args.length;
        }
        void round(double seconds, boolean count) throws Exception {
            Thread.currentThread().setContextClassLoader(loader);
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long start = cpu.getCurrentThreadCpuTime();
            long until = System.nanoTime() + (long) (seconds * 1e9);
            long n = 0;
            while (System.nanoTime() < until) {
                for (Object[] decision : args) {
                    evaluate.invoke(rules, decision);
                }
                n += args.length;
            }
            if (count) {
                cpuNanos += cpu.getCurrentThreadCpuTime() - start;
                decisions += n;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        String jurisdiction = args[4];
        int rounds = Integer.parseInt(args[5]);
        double seconds = Double.parseDouble(args[6]);
        Side a = new Side("A", args[0], args[1], jurisdiction);
        Side b = new Side("B", args[2], args[3], jurisdiction);
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        a.prepare(asOf);
        b.prepare(asOf);
        System.out.printf("trace entries per decision: A %.1f, B %.1f%n", a.traceSize(), b.traceSize());
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            a.round(seconds, false);
            b.round(seconds, false);
        }
        for (int r = 0; r < rounds; r++) {
            Side first = r % 2 == 0 ? a : b;
            Side second = first == a ? b : a;
            first.round(seconds, true);
            second.round(seconds, true);
        }
        for (Side s : List.of(a, b)) {
            double us = s.cpuNanos / 1e3 / s.decisions;
            System.out.printf("%s: %d decisions, CPU %.1f µs per decision = %.0f per CPU-second%n", s.name, s.decisions, us, 1e6 / us);
        }
    }
}
