package ru.edu.decisions.rules.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Decisions per second over inputs cycled by a number of threads, after a warm-up: the benchmarks' harness. */
final class Throughput {

    private Throughput() {
    }

    /** A {@code warmUpSeconds} run, then a measured run of {@code seconds}: decisions per second over all threads. */
    static <T> double measure(Consumer<T> decide, List<T> inputs, int threads, int warmUpSeconds, int seconds)
            throws InterruptedException {
        run(decide, inputs, threads, warmUpSeconds);
        return run(decide, inputs, threads, seconds);
    }

    private static <T> double run(Consumer<T> decide, List<T> inputs, int threads, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 331;
            Thread worker = new Thread(() -> {
                long local = 0;
                int i = offset;
                while (System.nanoTime() < until) {
                    for (int k = 0; k < 20; k++) {
                        decide.accept(inputs.get(i++ % inputs.size()));
                    }
                    local += 20;
                }
                done.addAndGet(local);
            });
            worker.setContextClassLoader(Throughput.class.getClassLoader());
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }
}
