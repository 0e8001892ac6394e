package ru.edu.decisions.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Сессия")
class SessionController {

    private final CurrentActor current;

    SessionController(CurrentActor current) {
        this.current = current;
    }

    @GetMapping("/api/v1/session")
    @Operation(summary = "Кто вошёл в систему и CSRF-токен сессии браузера. Вход: POST /api/v1/session/login "
            + "(username, password, _csrf — как форма), выход: POST /api/v1/session/logout")
    SessionView session(HttpServletRequest request) {
        return SessionView.of(current.actorOrNull(), request);
    }
}
