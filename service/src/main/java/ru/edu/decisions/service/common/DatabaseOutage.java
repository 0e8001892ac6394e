package ru.edu.decisions.service.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database cannot be reached: no connection within the pool's short timeout
 * ({@code spring.datasource.hikari.connection-timeout}), or a connection lost on the way. Such a failure is answered
 * at once with a 503 problem and {@code Retry-After} (the API) or a Russian page (the workspace), never a 500 and
 * never after a long wait; the stateless decisions do not need the database at all (their log entries go to the
 * local spool, see {@code decisionlog}).
 */
public final class DatabaseOutage {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseOutage.class);

    /** What {@code Retry-After} says, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** Whether this failure, or one of its causes, is the database being unreachable. */
    public static boolean isCause(@Nullable Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException among them
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof TransactionSystemException failed && (isCause(failed.getApplicationException())
                    || failed.getCause() instanceof SQLException)) {
                // A commit or rollback that failed in the driver: the connection broke (the statement's own failure,
                // if any, is the application exception, overridden by the rollback's).
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("57P02")
                    || sql.getSQLState().equals("57P03"))) {
                return true; // connection exception; the server shutting down or not yet accepting connections
            }
        }
        return false;
    }

    /** Notes a request refused because of the outage: a warning with the failure's class, no message, no stack. */
    public static void logRefused(Throwable failure) {
        log.warn("Request refused: the database is unavailable ({})", failure.getClass().getName());
    }

    /** The API's answer: 503, in Russian (send {@code Retry-After: }{@link #RETRY_AFTER_SECONDS} with it). */
    public static ProblemDetail problem() {
        return ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "База данных сервиса временно недоступна, запрос не выполнен. Повторите его через "
                        + RETRY_AFTER_SECONDS + " с (запрос на запись — с тем же заголовком Idempotency-Key, если он был)");
    }

    /** The workspace's words for the same. */
    public static String pageDetail() {
        return "База данных сервиса временно недоступна, действие не выполнено. Повторите его через несколько секунд.";
    }
}
