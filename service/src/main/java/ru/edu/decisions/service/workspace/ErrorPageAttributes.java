package ru.edu.decisions.service.workspace;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;
import ru.edu.decisions.service.common.ApiExceptionHandler;

/**
 * What the container's error page ({@code /error}: an unknown address, a refusal, a failure outside a controller)
 * knows: the status, a Russian title and a correlation id. A failure with an exception is logged under that id
 * (classes and stack frames only, as everywhere); no message, stack trace or path detail reaches the page.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Throwable error = getError(request);
        attributes.put("correlationId", error == null ? UUID.randomUUID().toString() : ApiExceptionHandler.logFailure(error));
        Object status = attributes.get("status");
        if (status instanceof Integer code) {
            attributes.put("title", PageErrors.TITLES.getOrDefault(code, "Ошибка"));
            if (code == 503) {
                attributes.put("detail", ru.edu.decisions.service.common.DatabaseOutage.pageDetail());
            }
        }
        return attributes;
    }
}
