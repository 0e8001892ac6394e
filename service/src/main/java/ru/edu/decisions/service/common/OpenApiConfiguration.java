package ru.edu.decisions.service.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: what the service is, how callers authenticate (API key or browser session), and the
 * session's login and logout, which Spring Security answers itself (no controller of ours documents them).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String LOGIN = "/api/v1/session/login";
    static final String LOGOUT = "/api/v1/session/logout";
    private static final String TAG = "Сессия";

    @Bean
    OpenAPI decisionServiceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Сервис решений муниципальной методической службы")
                        .version("v1")
                        .description("Решения о включении в методический актив, об индивидуальных образовательных маршрутах "
                                + "и о наставничестве — по редактируемым правилам Положений, с объяснением по пунктам. "
                                + "Контракт решений: decisions-v1. Системы передают ключ API в заголовке X-API-Key; "
                                + "люди входят в систему (сессия браузера, POST " + LOGIN + ")."))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("Ключ API системы"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("Сессия браузера; изменяющие запросы передают X-CSRF-TOKEN из GET /api/v1/session")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }

    /** {@code POST /api/v1/session/login} and {@code POST /api/v1/session/logout}. */
    @Bean
    OpenApiCustomizer sessionEndpoints() {
        return openApi -> {
            Schema<?> form = new ObjectSchema()
                    .addProperty("username", new StringSchema().description("Имя пользователя"))
                    .addProperty("password", new StringSchema().format("password").description("Пароль"))
                    .addProperty("_csrf", new StringSchema().description("CSRF-токен из GET /api/v1/session"))
                    .required(List.of("username", "password", "_csrf"));
            Operation login = new Operation()
                    .addTagsItem(TAG)
                    .operationId("login")
                    .summary("Вход по имени и паролю (форма application/x-www-form-urlencoded): ответ — сессия и новый "
                            + "CSRF-токен. После 5 неудачных попыток имя блокируется на 15 минут, адрес с 20 неудачными "
                            + "попытками — тоже (429)")
                    .security(List.of())
                    .requestBody(new RequestBody().required(true).content(new Content()
                            .addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form))))
                    .responses(new ApiResponses()
                            .addApiResponse("200", json("Вход выполнен: кто вошёл, роли, территории, CSRF-токен",
                                    "#/components/schemas/SessionView"))
                            .addApiResponse("400", problem("Не указаны имя пользователя или пароль"))
                            .addApiResponse("401", problem("Неверное имя пользователя или пароль"))
                            .addApiResponse("403", problem("Нет действительного CSRF-токена"))
                            .addApiResponse("429", problem("Слишком много неудачных попыток: вход временно заблокирован")));
            Operation logout = new Operation()
                    .addTagsItem(TAG)
                    .operationId("logout")
                    .summary("Выход: сессия завершается (для сессии браузера — с CSRF-токеном в X-CSRF-TOKEN)")
                    .responses(new ApiResponses()
                            .addApiResponse("204", new ApiResponse().description("Сессия завершена"))
                            .addApiResponse("403", problem("Нет действительного CSRF-токена")));
            openApi.path(LOGIN, new PathItem().post(login));
            openApi.path(LOGOUT, new PathItem().post(logout));
        };
    }

    /**
     * The problem answers every operation of the API can give (RFC 9457, {@code application/problem+json}), added to
     * each operation that does not document them itself.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.equals(LOGIN) || path.equals(LOGOUT) || !path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                if (method != PathItem.HttpMethod.GET || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
                    responses.putIfAbsent("400", problem("Неверный запрос: поле и причина — в errors"));
                }
                responses.putIfAbsent("401", problem("Нет ключа API или сессии, ключ неверен или отозван"));
                responses.putIfAbsent("403", problem("Нет прав на это действие или на эту территорию"));
                responses.putIfAbsent("404", problem("Нет такой территории, записи или решения этого вида для территории"));
                operation.setResponses(responses);
            });
        });
    }

    private static ApiResponse json(String description, String schemaRef) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(schemaRef))));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType().schema(new ObjectSchema())));
    }
}
