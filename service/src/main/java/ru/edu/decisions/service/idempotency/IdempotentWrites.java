package ru.edu.decisions.service.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import ru.edu.decisions.service.common.ApiExceptionHandler;
import ru.edu.decisions.service.security.Actor;
import ru.edu.decisions.service.security.CurrentActor;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the state-changing POSTs (and PUTs) of the IMC workflow API: candidates, teachers,
 * diagnostics and progress, the registry, mentoring runs, pairs and mentors.
 *
 * <p>The first request with a key runs inside one transaction that also stores its answer (status, content type,
 * {@code Location}, body) under the caller and the key — so the answer is kept exactly when the write is, and the
 * answer is fully built before anything commits. A repeat with the same key and the same request (method, path,
 * query and body, SHA-256) gets the stored answer again, whatever happened since; the same key with another request
 * is a 422 problem. A repeat arriving while the first is still running waits for it (the key's row is locked) and
 * then gets its answer. Only successful answers (2xx) are kept: after an error nothing was written, so a repeat
 * runs again. Keys are kept for {@code decisions.idempotency.retention} (default 24 h), per caller (a user, or an
 * API key by its name). A bean of {@link IdempotencyConfiguration} (so that web slice tests, which take every filter
 * component, do not need a database).
 */
public class IdempotentWrites extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);

    /** The workflow writes a key applies to; the stateless decision endpoints and administration are left out. */
    private static final Pattern WORKFLOW = Pattern.compile("/api/v1/(candidates|teachers|registry|mentoring/(runs|pairs|mentors))(/.*)?");
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final CurrentActor current;
    private final Clock clock;
    private final JsonMapper json;
    private final Duration retention;

    IdempotentWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions, CurrentActor current, Clock clock,
                     JsonMapper json, Duration retention) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.current = current;
        this.clock = clock;
        this.json = json;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null || !("POST".equals(method) || "PUT".equals(method))
                || !WORKFLOW.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = current.actorOrNull();
        if (actor == null) {
            chain.doFilter(request, response); // not signed in: refused by the security layer, nothing to keep
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            write(response, HttpStatus.BAD_REQUEST, ApiExceptionHandler.validationProblem(
                    "Заголовок Idempotency-Key задан неверно", List.of(new ApiExceptionHandler.FieldMessage(HEADER,
                            "Ожидается непустая строка видимых символов ASCII длиной до " + MAX_KEY_LENGTH))));
            return;
        }
        String caller = actor.kind() + ":" + actor.name();
        byte[] body = request.getInputStream().readAllBytes(); // within decisions.max-request-bytes (RequestSizeLimitFilter)
        String hash = hash(request, body);

        Stored stored = find(caller, key);
        if (stored != null) {
            answer(stored, hash, response);
            return;
        }
        TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            Instant now = clock.instant();
            jdbc.update("DELETE FROM idempotency_key WHERE caller = ? AND idem_key = ? AND created_at < ?",
                    caller, key, Timestamp.from(now.minus(retention)));
            // Taken first: a concurrent repeat waits here until this request commits or rolls back.
            jdbc.update("INSERT INTO idempotency_key (caller, idem_key, request_hash, status, created_at) VALUES (?, ?, ?, 0, ?)",
                    caller, key, hash, Timestamp.from(now));
        } catch (DataAccessException e) {
            transactions.rollback(transaction);
            Stored first = find(caller, key);
            if (first != null) {
                answer(first, hash, response);
            } else {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                write(response, HttpStatus.CONFLICT, ApiExceptionHandler.problem(HttpStatus.CONFLICT, "idempotency-in-progress",
                        "Запрос с этим ключом Idempotency-Key ещё выполняется; повторите его позже"));
            }
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new ReplayedBody(request, body), buffered);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            rollback(transaction);
            throw e;
        }
        int status = buffered.getStatus();
        if (status < 200 || status >= 300 || transaction.isCompleted()) {
            rollback(transaction);
            buffered.copyBodyToResponse();
            return;
        }
        try {
            jdbc.update("UPDATE idempotency_key SET status = ?, content_type = ?, location = ?, body = ? WHERE caller = ? AND idem_key = ?",
                    status, buffered.getContentType(), buffered.getHeader(HttpHeaders.LOCATION),
                    new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8), caller, key);
            transactions.commit(transaction);
        } catch (RuntimeException e) {
            rollback(transaction);
            // Nothing was committed and nothing sent yet: the client may repeat the request with the same key.
            buffered.resetBuffer();
            response.reset();
            if (ru.edu.decisions.service.common.DatabaseOutage.isCause(e)) {
                ru.edu.decisions.service.common.DatabaseOutage.logRefused(e);
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ru.edu.decisions.service.common.DatabaseOutage.RETRY_AFTER_SECONDS));
                write(response, HttpStatus.SERVICE_UNAVAILABLE, ru.edu.decisions.service.common.DatabaseOutage.problem());
                return;
            }
            String correlationId = ApiExceptionHandler.logFailure(e);
            write(response, HttpStatus.INTERNAL_SERVER_ERROR, ApiExceptionHandler.internalProblem("internal",
                    "Запись не выполнена; повторите запрос с тем же ключом Idempotency-Key", correlationId));
            return;
        }
        buffered.copyBodyToResponse();
    }

    private void rollback(TransactionStatus transaction) {
        if (!transaction.isCompleted()) {
            transactions.rollback(transaction);
        }
    }

    /** The stored answer again, or a 422 when the key was used for another request. */
    private void answer(Stored stored, String hash, HttpServletResponse response) throws IOException {
        if (!stored.hash().equals(hash)) {
            ProblemDetail problem = ApiExceptionHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Ключ Idempotency-Key уже использован для другого запроса; для нового запроса нужен новый ключ");
            problem.setTitle("Ключ повторного запроса использован для другого запроса");
            write(response, HttpStatus.UNPROCESSABLE_CONTENT, problem);
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            byte[] bytes = stored.body().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }

    private void write(HttpServletResponse response, HttpStatus status, ProblemDetail problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private @Nullable Stored find(String caller, String key) {
        List<Stored> rows = jdbc.query("""
                        SELECT request_hash, status, content_type, location, body FROM idempotency_key
                        WHERE caller = ? AND idem_key = ? AND status > 0 AND created_at >= ?""",
                (rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                caller, key, Timestamp.from(clock.instant().minus(retention)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Keys past their retention, with the answers they keep (which may hold personal data), are deleted. */
    @Scheduled(fixedDelayString = "${decisions.idempotency.cleanup-interval:10m}", initialDelayString = "1m")
    void forgetExpired() {
        try {
            int deleted = jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", Timestamp.from(clock.instant().minus(retention)));
            if (deleted > 0) {
                log.debug("Forgot {} idempotency keys past their retention", deleted);
            }
        } catch (DataAccessException e) {
            log.warn("Idempotency keys not cleaned up this time ({}); next try in the next interval", e.getClass().getSimpleName());
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString())).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String hash, int status, @Nullable String contentType, @Nullable String location, @Nullable String body) {
    }

    /** The request with its body, already read for the hash, readable again by the controller. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
