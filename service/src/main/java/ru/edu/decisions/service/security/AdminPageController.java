package ru.edu.decisions.service.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.PageView;
import ru.edu.decisions.service.rulesets.RuleSets;
import ru.edu.decisions.service.security.AdminViews.Key;
import ru.edu.decisions.service.security.AdminViews.User;
import ru.edu.decisions.service.workspace.CurrentJurisdiction.Choice;

/**
 * The administrators' pages: users (create with a one-time password, change roles, jurisdictions and access, reset
 * the password), API keys (create — the secret is shown once —, revoke) and the personal-data access log. They call
 * the same services as {@link AdminController}; a generated password or key secret reaches the page once, as a
 * flash attribute, and is never stored in the clear.
 */
@Controller
class AdminPageController {

    /** The roles a person may be given here (INTEGRATION belongs to API keys). */
    static final List<Role> USER_ROLES = List.of(Role.IMC_STAFF, Role.POLICY_EDITOR, Role.POLICY_APPROVER, Role.ADMIN);
    static final String ALL_NAME = "все территории";
    private static final int LOG_PAGE_SIZE = 50;
    private static final Map<String, String> ACTIONS = Map.of("READ", "просмотр", "EXPORT", "выгрузка");
    private static final Map<String, String> KINDS = Map.of(
            "CANDIDATE", "кандидат в актив",
            "TEACHER", "педагог",
            "REGISTRY_MEMBER", "член актива (реестр)",
            "MENTORING_RUN", "подбор наставников",
            "ROUTE", "образовательный маршрут",
            "DECISION", "решение");

    /** A user form as typed: kept when it is shown again with errors (never the password). */
    record UserForm(String username, boolean generate, Set<Role> roles, Set<String> jurisdictions, boolean enabled) {

        public boolean has(Role role) {
            return roles.contains(role);
        }

        public boolean covers(String code) {
            return jurisdictions.contains(code);
        }
    }

    /** An API key form as typed. */
    record KeyForm(String name, Set<ApiScope> scopes, Set<String> jurisdictions) {

        public boolean has(ApiScope scope) {
            return scopes.contains(scope);
        }

        public boolean covers(String code) {
            return jurisdictions.contains(code);
        }
    }

    /** A key as the list shows it: with the prefix it is found by. */
    record KeyRow(Key key, String prefix) {
    }

    private final Accounts accounts;
    private final ApiKeys keys;
    private final PersonalDataAccessLog accessLog;
    private final CurrentActor current;
    private final RuleSets ruleSets;

    AdminPageController(Accounts accounts, ApiKeys keys, PersonalDataAccessLog accessLog, CurrentActor current,
                        RuleSets ruleSets) {
        this.accounts = accounts;
        this.keys = keys;
        this.accessLog = accessLog;
        this.current = current;
        this.ruleSets = ruleSets;
    }

    // ---- users

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", accounts.all().stream().map(u -> User.of(u, accounts.lockedUntil(u))).toList());
        jurisdictions(model);
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return userForm(model, new UserForm("", true, Set.of(Role.IMC_STAFF), Set.of(), true), Map.of(), null);
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                      @RequestParam(defaultValue = "false") boolean generate,
                      @RequestParam(required = false) @Nullable List<String> roles,
                      @RequestParam(required = false) @Nullable List<String> jurisdictions,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = username.strip();
        Set<Role> granted = roles(roles, errors);
        Set<String> scope = jurisdictions(jurisdictions, errors);
        UserForm form = new UserForm(name, generate, granted, scope, true);
        if (name.isEmpty()) {
            errors.put("username", "Укажите имя пользователя");
        } else if (name.length() > 100) {
            errors.put("username", "Имя пользователя — не длиннее 100 символов");
        } else if (!name.matches("[A-Za-z0-9._@-]+")) {
            errors.put("username", "Только латинские буквы, цифры и знаки . _ @ -");
        }
        if (!generate && password.isEmpty()) {
            errors.put("password", "Укажите пароль или отметьте «Сгенерировать одноразовый пароль»");
        } else if (!generate && password.length() > 200) {
            errors.put("password", "Пароль — не длиннее 200 символов");
        }
        access(granted, scope, errors);
        if (!errors.isEmpty()) {
            return invalid(response, userForm(model, form, errors, null));
        }
        String secret = generate ? Accounts.generatePassword() : password;
        AppUser created;
        try {
            created = accounts.create(name, secret, generate, granted, scope, current.name());
        } catch (ApiException e) {
            fieldErrors(e, errors, "username");
            return invalid(response, userForm(model, form, errors, null));
        }
        redirect.addFlashAttribute("notice", "Пользователь «" + created.username() + "» создан");
        if (generate) {
            redirect.addFlashAttribute("oneTimePassword", secret);
        }
        return "redirect:/admin/users/" + created.id();
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable UUID id, Model model) {
        User user = user(id);
        return userForm(model, new UserForm(user.username(), false, Set.copyOf(user.roles()), Set.copyOf(user.jurisdictions()),
                user.enabled()), Map.of(), user);
    }

    @PostMapping("/admin/users/{id}")
    String updateUser(@PathVariable UUID id, @RequestParam(required = false) @Nullable List<String> roles,
                      @RequestParam(required = false) @Nullable List<String> jurisdictions,
                      @RequestParam(defaultValue = "false") boolean enabled,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        User user = user(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> granted = roles(roles, errors);
        Set<String> scope = jurisdictions(jurisdictions, errors);
        UserForm form = new UserForm(user.username(), false, granted, scope, enabled);
        access(granted, scope, errors);
        if (self(user)) {
            if (!enabled) {
                errors.put("enabled", "Свою учётную запись отключить нельзя: это сделает другой администратор");
            }
            if (!granted.contains(Role.ADMIN)) {
                errors.putIfAbsent("roles", "Роль «Администратор» с себя снять нельзя: это сделает другой администратор");
            }
        }
        if (!errors.isEmpty()) {
            return invalid(response, userForm(model, form, errors, user));
        }
        try {
            accounts.update(id, granted, scope, enabled);
        } catch (ApiException e) {
            fieldErrors(e, errors, "roles");
            return invalid(response, userForm(model, form, errors, user));
        }
        redirect.addFlashAttribute("notice", "Изменения пользователя «" + user.username() + "» сохранены"
                + (enabled ? "" : "; учётная запись отключена, её открытые сеансы завершены"));
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password-reset")
    String resetPassword(@PathVariable UUID id, RedirectAttributes redirect) {
        User user = user(id);
        if (self(user)) {
            throw ApiException.conflict("Свой пароль меняйте на странице «Сменить пароль»");
        }
        String secret = Accounts.generatePassword();
        accounts.setPassword(id, secret, true);
        redirect.addFlashAttribute("notice", "Пароль пользователя «" + user.username() + "» сброшен; его открытые сеансы завершены");
        redirect.addFlashAttribute("oneTimePassword", secret);
        return "redirect:/admin/users/" + id;
    }

    private User user(UUID id) {
        AppUser user = accounts.find(id).orElseThrow(() -> ApiException.notFound("Пользователь " + id + " не найден"));
        return User.of(user, accounts.lockedUntil(user));
    }

    private boolean self(User user) {
        Actor actor = current.actorOrNull();
        return actor != null && actor.kind() == Actor.Kind.USER && actor.name().equals(user.username());
    }

    private String userForm(Model model, UserForm form, Map<String, String> errors, @Nullable User user) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("user", user);
        model.addAttribute("roles", USER_ROLES);
        jurisdictions(model);
        return user == null ? "admin/user-new" : "admin/user";
    }

    /** ADMIN goes only with every jurisdiction: said beside the fields before the service refuses it. */
    private static void access(Set<Role> roles, Set<String> jurisdictions, Map<String, String> errors) {
        if (roles.contains(Role.ADMIN) && !jurisdictions.isEmpty() && !jurisdictions.contains(Actor.ALL_JURISDICTIONS)) {
            errors.putIfAbsent("jurisdictions", "Роль «Администратор» даётся только со всеми территориями: отметьте «"
                    + ALL_NAME + "»");
        }
    }

    private static Set<Role> roles(@Nullable List<String> values, Map<String, String> errors) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                Role role = Role.valueOf(value);
                if (!USER_ROLES.contains(role)) {
                    throw new IllegalArgumentException(value);
                }
                roles.add(role);
            } catch (IllegalArgumentException e) {
                errors.put("roles", "Неизвестная роль; выберите из списка");
            }
        }
        if (roles.isEmpty()) {
            errors.putIfAbsent("roles", "Выберите хотя бы одну роль");
        }
        return roles;
    }

    // ---- API keys

    @GetMapping("/admin/api-keys")
    String apiKeys(Model model) {
        return keysPage(model, new KeyForm("", Set.of(), Set.of()), Map.of());
    }

    @PostMapping("/admin/api-keys")
    String createKey(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable List<String> scopes,
                     @RequestParam(required = false) @Nullable List<String> jurisdictions,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = name.strip();
        Set<ApiScope> granted = new LinkedHashSet<>();
        for (String value : scopes == null ? List.<String>of() : scopes) {
            try {
                granted.add(ApiScope.valueOf(value));
            } catch (IllegalArgumentException e) {
                errors.put("scopes", "Неизвестная область; выберите из списка");
            }
        }
        Set<String> scope = jurisdictions(jurisdictions, errors);
        KeyForm form = new KeyForm(title, granted, scope);
        if (title.isEmpty()) {
            errors.put("name", "Укажите, для какой информационной системы ключ");
        } else if (title.length() > 200) {
            errors.put("name", "Название — не длиннее 200 символов");
        }
        if (granted.isEmpty()) {
            errors.putIfAbsent("scopes", "Выберите хотя бы одно решение, которое ключ может запрашивать");
        }
        if (!errors.isEmpty()) {
            return invalid(response, keysPage(model, form, errors));
        }
        ApiKeys.Created created;
        try {
            created = keys.create(title, granted, scope, current.name());
        } catch (ApiException e) {
            fieldErrors(e, errors, "name");
            return invalid(response, keysPage(model, form, errors));
        }
        redirect.addFlashAttribute("notice", "Ключ API «" + title + "» создан");
        redirect.addFlashAttribute("newSecret", created.secret());
        redirect.addFlashAttribute("newKeyName", title);
        return "redirect:/admin/api-keys";
    }

    @PostMapping("/admin/api-keys/{id}/revocation")
    String revokeKey(@PathVariable UUID id, RedirectAttributes redirect) {
        ApiKey key = keys.revoke(id, current.name());
        redirect.addFlashAttribute("notice", "Ключ API «" + key.name() + "» отозван: запросы с ним больше не принимаются");
        return "redirect:/admin/api-keys";
    }

    private String keysPage(Model model, KeyForm form, Map<String, String> errors) {
        model.addAttribute("keys", keys.all().stream()
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                .map(k -> new KeyRow(Key.of(k), k.keyPrefix())).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("scopes", ApiScope.values());
        model.addAttribute("header", ApiKeyAuthenticationFilter.HEADER);
        jurisdictions(model);
        return "admin/api-keys";
    }

    // ---- the personal-data access log

    @GetMapping("/admin/access-log")
    String accessLog(@RequestParam(defaultValue = "") String recordId, @RequestParam(defaultValue = "0") int page,
                     Model model, HttpServletResponse response) {
        UUID record = null;
        String error = null;
        if (!recordId.isBlank()) {
            try {
                record = UUID.fromString(recordId.strip());
            } catch (IllegalArgumentException e) {
                error = "Идентификатор записи — 36 знаков вида 0b9c…-…; скопируйте его со страницы записи";
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        PageView<PersonalDataAccessLog.Entry> entries = error != null ? PageView.of(List.of(), 0, LOG_PAGE_SIZE, 0)
                : accessLog.list(record, Math.max(0, page), LOG_PAGE_SIZE);
        model.addAttribute("entries", entries);
        model.addAttribute("recordId", recordId);
        model.addAttribute("recordIdError", error);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("kinds", KINDS);
        jurisdictions(model);
        return "admin/access-log";
    }

    // ---- shared

    /** The jurisdictions the rule base knows, by name, and a map of every code (and «*») to its name. */
    private void jurisdictions(Model model) {
        List<Choice> known = ruleSets.current().jurisdictions().values().stream()
                .map(rules -> new Choice(rules.code(), rules.manifest().name()))
                .sorted(Comparator.comparing(Choice::name)).toList();
        Map<String, String> names = new LinkedHashMap<>();
        names.put(Actor.ALL_JURISDICTIONS, ALL_NAME);
        known.forEach(c -> names.put(c.code(), c.name()));
        model.addAttribute("knownJurisdictions", known);
        model.addAttribute("jurisdictionNames", names);
        model.addAttribute("allJurisdictions", Actor.ALL_JURISDICTIONS);
    }

    /** Known jurisdictions or «*» only; at least one. */
    private Set<String> jurisdictions(@Nullable List<String> values, Map<String, String> errors) {
        Set<String> known = ruleSets.current().jurisdictions().keySet();
        Set<String> scope = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (Actor.ALL_JURISDICTIONS.equals(value) || known.contains(value)) {
                scope.add(value);
            } else {
                errors.put("jurisdictions", "Неизвестная территория «" + value + "»; выберите из списка");
            }
        }
        if (scope.isEmpty()) {
            errors.putIfAbsent("jurisdictions", "Выберите хотя бы одну территорию или «" + ALL_NAME + "»");
        }
        return scope;
    }

    /** The service's refusal beside the field it is about (its own field errors, or {@code fallback}). */
    private static void fieldErrors(ApiException e, Map<String, String> errors, String fallback) {
        if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
            throw e;
        }
        List<ApiException.FieldError> fields = new ArrayList<>(e.errors());
        fields.forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        if (fields.isEmpty()) {
            String message = e.getMessage() == null ? "Ошибка" : e.getMessage();
            errors.put(message.startsWith("Пароль") ? "password" : fallback, message);
        }
    }

    private static String invalid(HttpServletResponse response, String view) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return view;
    }
}
