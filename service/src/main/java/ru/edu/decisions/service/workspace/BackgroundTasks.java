package ru.edu.decisions.service.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.ApiExceptionHandler;
import ru.edu.decisions.service.security.CurrentActor;

/**
 * Long actions of the workspace (deciding again about a whole jurisdiction, a mentoring assignment run) run in the
 * background, as the person who started them, while their page shows the progress; the page never waits for them,
 * so it never times out. A task is seen only by the person who started it and kept for a day in this instance's
 * memory (a restart forgets the progress, never the work: every decision a task made is stored as it is made).
 */
@Component
public class BackgroundTasks implements DisposableBean {

    /** What a task reports while it runs. */
    public interface Progress {
        /** How many steps there are in all (unknown until set). */
        void total(int steps);

        /** {@code steps} more are done. */
        void advance(int steps);
    }

    /** The work of a task: reports progress, returns the address of the page that shows its result. */
    @FunctionalInterface
    public interface Work {
        String run(Progress progress);
    }

    public enum State { RUNNING, DONE, FAILED }

    /** A task as its page shows it. */
    public record Task(UUID id, String title, String owner, State state, int done, int total,
                       @Nullable String resultUrl, @Nullable String error, Instant startedAt, @Nullable Instant finishedAt) {

        /** Percent done, or {@code null} while the total is unknown. */
        public @Nullable Integer percent() {
            return total <= 0 ? null : Math.min(100, done * 100 / total);
        }
    }

    private static final Duration KEPT = Duration.ofDays(1);

    private final Map<UUID, Running> tasks = new ConcurrentHashMap<>();
    private final ExecutorService executor = new ThreadPoolExecutor(1, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(100),
            runnable -> {
                Thread thread = new Thread(runnable, "workspace-task");
                thread.setDaemon(true);
                return thread;
            });
    private final CurrentActor current;
    private final Clock clock;

    BackgroundTasks(CurrentActor current, Clock clock) {
        this.current = current;
        this.clock = clock;
    }

    /** Starts a task as the current person; returns its id (its page is {@code /tasks/{id}}). */
    public UUID start(String title, Work work) {
        forgetOld();
        String owner = current.actor().label();
        Running task = new Running(UUID.randomUUID(), title, owner, clock.instant());
        tasks.put(task.id, task);
        try {
            executor.execute(new DelegatingSecurityContextRunnable(() -> task.run(work, clock)));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            tasks.remove(task.id);
            throw ApiException.conflict("Сейчас выполняется слишком много длительных действий; повторите через несколько минут");
        }
        return task.id;
    }

    /** The task, if the current person started it. */
    public Optional<Task> find(UUID id) {
        Running task = tasks.get(id);
        String me = current.name();
        return task == null || !task.owner.equals(me) ? Optional.empty() : Optional.of(task.view());
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEPT);
        tasks.values().removeIf(t -> t.finishedAt != null && t.finishedAt.isBefore(before));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private static final class Running implements Progress {
        final UUID id;
        final String title;
        final String owner;
        final Instant startedAt;
        final AtomicInteger done = new AtomicInteger();
        volatile int total;
        volatile State state = State.RUNNING;
        volatile @Nullable String resultUrl;
        volatile @Nullable String error;
        volatile @Nullable Instant finishedAt;

        Running(UUID id, String title, String owner, Instant startedAt) {
            this.id = id;
            this.title = title;
            this.owner = owner;
            this.startedAt = startedAt;
        }

        void run(Work work, Clock clock) {
            try {
                resultUrl = work.run(this);
                state = State.DONE;
            } catch (ApiException e) {
                error = e.getMessage();
                state = State.FAILED;
            } catch (RuntimeException e) {
                error = "Внутренняя ошибка; действие не завершено. Сообщите администратору код ошибки "
                        + ApiExceptionHandler.logFailure(e) + ".";
                state = State.FAILED;
            } finally {
                finishedAt = clock.instant();
            }
        }

        @Override
        public void total(int steps) {
            total = steps;
        }

        @Override
        public void advance(int steps) {
            done.addAndGet(steps);
        }

        Task view() {
            return new Task(id, title, owner, state, done.get(), total, resultUrl, error, startedAt, finishedAt);
        }
    }
}
