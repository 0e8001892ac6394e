package ru.edu.decisions.service.common;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads bulk decisions (batches, re-evaluations) run on: one per core, carrying the application's class
 * loader (the rule engine and JSON need it; the JVM's common pool in a packaged application does not have it).
 */
@Component
public class DecisionThreads implements DisposableBean {

    private final ForkJoinPool pool;

    public DecisionThreads() {
        ClassLoader loader = DecisionThreads.class.getClassLoader();
        this.pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), p -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            thread.setName("decisions-" + thread.getPoolIndex());
            thread.setContextClassLoader(loader);
            return thread;
        }, null, false);
    }

    /** Runs work that uses parallel streams on these threads and waits for it. */
    public <T> T run(Supplier<T> work) {
        return pool.submit(work::get).join();
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
