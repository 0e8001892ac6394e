package ru.edu.decisions.service.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: what the service is and how callers authenticate (API key or browser session). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI decisionServiceOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Сервис решений муниципальной методической службы")
                        .version("v1")
                        .description("Решения о включении в методический актив, об индивидуальных образовательных маршрутах "
                                + "и о наставничестве — по редактируемым правилам Положений, с объяснением по пунктам. "
                                + "Контракт решений: decisions-v1. Системы передают ключ API в заголовке X-API-Key; "
                                + "люди входят в систему (сессия браузера, POST /api/v1/session/login)."))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("Ключ API системы"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("Сессия браузера; изменяющие запросы передают X-CSRF-TOKEN из GET /api/v1/session")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
