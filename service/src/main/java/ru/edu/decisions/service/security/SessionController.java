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
    private final OwnPassword password;

    SessionController(CurrentActor current, OwnPassword password) {
        this.current = current;
        this.password = password;
    }

    /** A person's new password: the current one and the new one (at least 10 characters, at most 72 bytes). */
    record PasswordChange(@jakarta.validation.constraints.NotNull String currentPassword,
                          @jakarta.validation.constraints.NotNull String newPassword) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/session/password")
    @Operation(summary = "Сменить свой пароль (обязательно после входа с одноразовым паролем); сессия сохраняется, "
            + "другие сессии пользователя завершаются")
    org.springframework.http.ResponseEntity<Void> changePassword(
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody PasswordChange change,
            HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        password.change(change.currentPassword(), change.newPassword(), request, response);
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/session")
    @Operation(summary = "Кто вошёл в систему и CSRF-токен сессии браузера. Вход: POST /api/v1/session/login "
            + "(username, password, _csrf — как форма), выход: POST /api/v1/session/logout")
    SessionView session(HttpServletRequest request) {
        return SessionView.of(current.actorOrNull(), request);
    }
}
