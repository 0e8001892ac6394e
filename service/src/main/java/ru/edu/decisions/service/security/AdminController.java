package ru.edu.decisions.service.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.ApiException.FieldError;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.AdminViews.CreatedKey;
import ru.edu.decisions.service.security.AdminViews.Key;
import ru.edu.decisions.service.security.AdminViews.NewApiKey;
import ru.edu.decisions.service.security.AdminViews.NewPassword;
import ru.edu.decisions.service.security.AdminViews.NewUser;
import ru.edu.decisions.service.security.AdminViews.User;
import ru.edu.decisions.service.security.AdminViews.UserAccess;

@RestController
@Tag(name = "Администрирование: пользователи, ключи API, журнал доступа к персональным данным")
class AdminController {

    private final Accounts accounts;
    private final ApiKeys keys;
    private final PersonalDataAccessLog accessLog;
    private final CurrentActor current;
    private final RuleSets ruleSets;

    AdminController(Accounts accounts, ApiKeys keys, PersonalDataAccessLog accessLog, CurrentActor current, RuleSets ruleSets) {
        this.accounts = accounts;
        this.keys = keys;
        this.accessLog = accessLog;
        this.current = current;
        this.ruleSets = ruleSets;
    }

    private User view(AppUser user) {
        return User.of(user, accounts.lockedUntil(user));
    }

    /** Users and keys are given jurisdictions the rule base knows, or {@code *} (all). */
    private void requireKnown(Set<String> jurisdictions) {
        Set<String> known = new TreeSet<>(ruleSets.current().jurisdictions().keySet());
        List<FieldError> unknown = jurisdictions.stream().filter(j -> !Actor.ALL_JURISDICTIONS.equals(j) && !known.contains(j))
                .sorted().map(j -> new FieldError("jurisdictions", "Неизвестная территория «" + j + "»; известные: "
                        + String.join(", ", known) + " или «" + Actor.ALL_JURISDICTIONS + "» (все)")).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(unknown.get(0).message(), unknown);
        }
    }

    @GetMapping("/api/v1/admin/users")
    @Operation(summary = "Пользователи")
    List<User> users() {
        return accounts.all().stream().map(this::view).toList();
    }

    @PostMapping("/api/v1/admin/users")
    @Operation(summary = "Создать пользователя (пароль от 10 символов и не больше 72 байт в UTF-8; без пароля — только "
            + "вход через OpenID Connect). Роль ADMIN — только со всеми территориями («*»)")
    ResponseEntity<User> createUser(@Valid @RequestBody NewUser user) {
        requireKnown(user.jurisdictions());
        User created = view(accounts.create(user.username(), user.password(), user.roles(), user.jurisdictions(), current.name()));
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.id())).body(created);
    }

    @PutMapping("/api/v1/admin/users/{id}")
    @Operation(summary = "Роли, территории и доступность пользователя; действуют сразу, и в уже открытых сессиях "
            + "(отключённый пользователь выходит из системы). Роль ADMIN — только со всеми территориями («*»)")
    User updateUser(@PathVariable UUID id, @Valid @RequestBody UserAccess access) {
        requireKnown(access.jurisdictions());
        return view(accounts.update(id, access.roles(), access.jurisdictions(), access.enabled()));
    }

    @PostMapping("/api/v1/admin/users/{id}/password")
    @Operation(summary = "Задать пароль пользователя (снимает блокировку входа, завершает его открытые сессии)")
    User setPassword(@PathVariable UUID id, @Valid @RequestBody NewPassword password) {
        return view(accounts.setPassword(id, password.password()));
    }

    @GetMapping("/api/v1/admin/api-keys")
    @Operation(summary = "Ключи API (без секретов)")
    List<Key> apiKeys() {
        return keys.all().stream().map(Key::of).toList();
    }

    @PostMapping("/api/v1/admin/api-keys")
    @Operation(summary = "Создать ключ API: секрет показывается один раз, хранится только его хеш")
    ResponseEntity<CreatedKey> createKey(@Valid @RequestBody NewApiKey key) {
        requireKnown(key.jurisdictions());
        ApiKeys.Created created = keys.create(key.name(), key.scopes(), key.jurisdictions(), current.name());
        Key view = Key.of(created.key());
        return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + view.id()))
                .body(new CreatedKey(view, created.secret(), ApiKeyAuthenticationFilter.HEADER));
    }

    @PostMapping("/api/v1/admin/api-keys/{id}/revocation")
    @Operation(summary = "Отозвать ключ API")
    Key revokeKey(@PathVariable UUID id) {
        return Key.of(keys.revoke(id, current.name()));
    }

    @GetMapping("/api/v1/admin/personal-data-access")
    @Operation(summary = "Журнал доступа к персональным данным: кто, когда, какую запись читал или выгружал")
    PageView<PersonalDataAccessLog.Entry> personalDataAccess(@RequestParam(required = false) @Nullable UUID recordId,
                                                             @RequestParam(defaultValue = "0") @Min(0) int page,
                                                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return accessLog.list(recordId, page, size);
    }
}
