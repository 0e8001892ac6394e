package ru.edu.decisions.service.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Keeps the raw bytes of a batch request: the body is read once for checking (syntax, duplicate keys, the header
 * fields, the number of candidates — without building the candidates) and once more, candidate by candidate, while
 * the answer is written ({@link EligibilityController#batch}). The bytes are the body as sent, bounded by
 * {@code decisions.max-request-bytes}; the parsed candidates never all live at once.
 */
@ControllerAdvice(assignableTypes = EligibilityController.class)
class BatchBody extends RequestBodyAdviceAdapter {

    private static final String ATTRIBUTE = BatchBody.class.getName();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == EligibilityBatchRequest.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body;
        try (InputStream in = input.getBody()) {
            body = in.readAllBytes(); // within decisions.max-request-bytes (RequestSizeLimitFilter)
        }
        RequestContextHolder.currentRequestAttributes().setAttribute(ATTRIBUTE, body, RequestAttributes.SCOPE_REQUEST);
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** The body of this batch request as it was read. */
    static byte[] of(HttpServletRequest request) {
        Object body = request.getAttribute(ATTRIBUTE);
        if (!(body instanceof byte[] bytes)) {
            throw new IllegalStateException("The batch body was not kept");
        }
        return bytes;
    }
}
