package ru.edu.decisions.service.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The login throttle per user name: after {@value #MAX_FAILED_LOGINS} failed logins in a row the name is locked for
 * {@link #LOCK_DURATION}. It is kept in the database (table {@code login_failure}), so it holds across instances and
 * restarts, and it is kept for every name tried, existing or not: an unknown name is answered exactly like a known
 * one (401, then 429 after the same number of failures), so the answers do not tell which accounts exist.
 *
 * <p>An attempt is counted <em>before</em> its password is checked, in one atomic statement that refuses it when the
 * name is locked; the attempt that reaches the limit locks the name at once, and a successful login deletes the
 * count. Parallel wrong passwords therefore never get more than {@value #MAX_FAILED_LOGINS} checks per lock period.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    /** Counts of names nobody has tried for this long are forgotten (the table does not grow without bound). */
    static final Duration FORGET_AFTER = Duration.ofDays(30);

    private static final String COUNT_ATTEMPT = """
            UPDATE login_failure SET
                failed_logins = CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL THEN 1 ELSE failed_logins + 1 END) >= :max
                                    THEN CAST(:until AS TIMESTAMP WITH TIME ZONE) ELSE NULL END,
                updated_at = :now
            WHERE username_hash = :key AND (locked_until IS NULL OR locked_until <= :now)""";

    private final JdbcClient sql;
    private final Clock clock;

    LoginThrottle(JdbcClient sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Counts a login attempt of this name, unless the name is locked.
     *
     * @return {@code null} when the attempt may go on to the password check; otherwise until when the name is locked
     */
    @Nullable Instant attempt(String username) {
        String key = ApiKeys.sha256(username);
        for (int tries = 0; tries < 5; tries++) {
            Instant now = clock.instant();
            Timestamp until = Timestamp.from(now.plus(LOCK_DURATION));
            int counted = sql.sql(COUNT_ATTEMPT).param("max", MAX_FAILED_LOGINS).param("until", until)
                    .param("now", Timestamp.from(now)).param("key", key).update();
            if (counted == 1) {
                return null;
            }
            Optional<Instant> lockedUntil = lockedUntilByKey(key);
            if (lockedUntil.isPresent()) {
                if (lockedUntil.get().isAfter(now)) {
                    return lockedUntil.get();
                }
                continue;
            }
            try {
                sql.sql("DELETE FROM login_failure WHERE updated_at < :cutoff AND (locked_until IS NULL OR locked_until < :now)")
                        .param("cutoff", Timestamp.from(now.minus(FORGET_AFTER))).param("now", Timestamp.from(now)).update();
                sql.sql("INSERT INTO login_failure (username_hash, failed_logins, locked_until, updated_at) VALUES (:key, 1, NULL, :now)")
                        .param("key", key).param("now", Timestamp.from(now)).update();
                return null;
            } catch (DuplicateKeyException raced) {
                // Another attempt of the same name inserted the row first: count this one on it.
            }
        }
        return lockedUntil(username);
    }

    /** A successful login: the name's count starts again. */
    void succeeded(String username) {
        reset(username);
    }

    /** Lifts a lock (an administrator set a new password). */
    void reset(String username) {
        sql.sql("DELETE FROM login_failure WHERE username_hash = :key").param("key", ApiKeys.sha256(username)).update();
    }

    /** Until when the name is locked, if it is. */
    @Nullable Instant lockedUntil(String username) {
        Instant now = clock.instant();
        return lockedUntilByKey(ApiKeys.sha256(username)).filter(until -> until.isAfter(now)).orElse(null);
    }

    private Optional<Instant> lockedUntilByKey(String key) {
        return sql.sql("SELECT locked_until FROM login_failure WHERE username_hash = :key").param("key", key)
                .query((rs, n) -> {
                    Timestamp locked = rs.getTimestamp(1);
                    return locked == null ? Instant.EPOCH : locked.toInstant();
                }).optional();
    }
}
