package ru.edu.decisions.service.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body larger than {@code decisions.max-request-bytes} before anything reads it: by its declared
 * length at once, and a body sent without a length (chunked) as soon as it grows past the limit — the reader then
 * fails with {@link BodyTooLargeException}, which {@link ApiExceptionHandler} answers as the same 413 problem even
 * when Spring has wrapped it into an unreadable-message exception.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final JsonMapper json;

    public RequestSizeLimitFilter(DecisionsProperties properties, JsonMapper json) {
        this.limit = properties.maxRequestBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(declared >= 0 ? request : new LimitedRequest(request, limit), response);
        } catch (BodyTooLargeException e) {
            if (!response.isCommitted()) {
                response.reset();
                refuse(response);
            }
        } catch (ServletException e) {
            if (e.getCause() instanceof BodyTooLargeException || e.getRootCause() instanceof BodyTooLargeException) {
                if (!response.isCommitted()) {
                    response.reset();
                    refuse(response);
                }
                return;
            }
            throw e;
        }
    }

    /** The 413 problem for a body over the limit. */
    static ProblemDetail tooLarge(long limit) {
        return ApiExceptionHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                "Тело запроса больше допустимых " + (limit / (1024 * 1024)) + " МБ; разделите запрос на части");
    }

    private void refuse(HttpServletResponse response) throws IOException {
        var problem = tooLarge(limit);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Connection", "close");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("Request body exceeds the configured limit");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
