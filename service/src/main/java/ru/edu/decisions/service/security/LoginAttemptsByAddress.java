package ru.edu.decisions.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The second half of the login throttle: failed logins per client address, whatever the user names tried (a
 * password-spraying client is stopped even when no single name reaches its limit). A successful login does not wipe
 * the address's failures — one account of their own must not give a client unlimited guesses at others. In memory,
 * per instance; the address is the servlet container's remote address (see {@code server.forward-headers-strategy}
 * behind a proxy).
 */
@Component
class LoginAttemptsByAddress {

    static final int MAX_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Window> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginAttemptsByAddress(Clock clock) {
        this.clock = clock;
    }

    private record Window(Instant start, int count) {
    }

    boolean blocked(String address) {
        Window window = failures.get(address);
        return window != null && window.count() >= MAX_FAILURES && window.start().plus(WINDOW).isAfter(clock.instant());
    }

    void failed(String address) {
        Instant now = clock.instant();
        failures.compute(address, (a, w) -> w == null || w.start().plus(WINDOW).isBefore(now)
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> e.getValue().start().plus(WINDOW).isBefore(now));
        }
    }
}
