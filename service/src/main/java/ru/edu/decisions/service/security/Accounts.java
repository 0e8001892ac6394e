package ru.edu.decisions.service.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;

/**
 * The people who sign in: their accounts, BCrypt-hashed passwords, roles and jurisdictions, and the binding of an
 * account to the identity provider's account on the first OpenID Connect sign-in. Failed logins are counted by
 * {@link LoginThrottle}.
 */
@Service
public class Accounts implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** BCrypt uses only the first 72 bytes of a password; a longer one is refused rather than silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final JdbcClient sql;
    private final Clock clock;

    public Accounts(AppUserRepository users, PasswordEncoder passwords, LoginThrottle throttle, JdbcClient sql, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new AccountDetails(user);
    }

    public boolean anyUser() {
        return users.count() > 0;
    }

    public List<AppUser> all() {
        return users.findAll().stream().sorted((a, b) -> a.username().compareTo(b.username())).toList();
    }

    public Optional<AppUser> find(String username) {
        return users.findByUsername(username);
    }

    public Optional<AppUser> find(UUID id) {
        return users.findById(id);
    }

    /** Until when the user's sign-in is locked after failed logins, if it is. */
    public @Nullable Instant lockedUntil(AppUser user) {
        return throttle.lockedUntil(user.username());
    }

    @Transactional
    public AppUser create(String username, @Nullable String password, Set<Role> roles, Set<String> jurisdictions,
                          @Nullable String createdBy) {
        return create(username, password, false, roles, jurisdictions, createdBy);
    }

    /** A new account; {@code oneTimePassword}: the person must set their own password at the first sign-in. */
    @Transactional
    public AppUser create(String username, @Nullable String password, boolean oneTimePassword, Set<Role> roles,
                          Set<String> jurisdictions, @Nullable String createdBy) {
        Set<String> scope = normalized(roles, jurisdictions);
        if (users.findByUsername(username).isPresent()) {
            throw ApiException.conflict("Пользователь «" + username + "» уже существует");
        }
        Instant now = clock.instant();
        return users.save(new AppUser(Ids.newId(), null, username, password == null ? null : hash(password),
                Lists.join(roles), Lists.join(scope), true, now, createdBy, now, null, null, oneTimePassword && password != null));
    }

    @Transactional
    public AppUser update(UUID id, Set<Role> roles, Set<String> jurisdictions, boolean enabled) {
        Set<String> scope = normalized(roles, jurisdictions);
        return users.save(get(id).withAccess(roles, scope, enabled, clock.instant()));
    }

    /** Sets a new password: lifts a login lock and ends the user's open sessions (their next request is a 401). */
    @Transactional
    public AppUser setPassword(UUID id, String password) {
        return setPassword(id, password, false);
    }

    /**
     * Sets a new password chosen by someone else (an administrator); {@code oneTime}: the person must replace it at
     * the next sign-in. Lifts a login lock and ends the user's open sessions.
     */
    @Transactional
    public AppUser setPassword(UUID id, String password, boolean oneTime) {
        AppUser user = users.save(get(id).withPasswordHash(hash(password), oneTime, clock.instant()));
        throttle.reset(user.username());
        return user;
    }

    /**
     * The person changes their own password: the current one must be given and the new one must differ from it.
     * Clears the one-time mark. The caller keeps its session by signing it in again with the returned account.
     */
    @Transactional
    public AppUser changeOwnPassword(UUID id, String currentPassword, String newPassword) {
        AppUser user = get(id);
        if (user.passwordHash() == null || !passwords.matches(currentPassword, user.passwordHash())) {
            throw ApiException.invalid("Текущий пароль указан неверно",
                    List.of(new ApiException.FieldError("currentPassword", "Текущий пароль указан неверно")));
        }
        if (currentPassword.equals(newPassword)) {
            throw ApiException.invalid("Новый пароль совпадает с текущим",
                    List.of(new ApiException.FieldError("newPassword", "Новый пароль должен отличаться от текущего")));
        }
        return setPassword(id, newPassword, false);
    }

    /** A one-time password of 16 letters and digits (no look-alike characters), for a first sign-in or a reset. */
    public static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /**
     * The account a person signing in through OpenID Connect uses. The account bound to the provider's
     * {@code issuer} + {@code subject} if there is one; otherwise the account named by the token's user-name claim,
     * which is bound to that issuer and subject now — unless it is already bound to another one (someone else who
     * took that user name at the provider), which is refused. A disabled or unknown account is refused as well.
     *
     * @return the account, or empty when the sign-in is refused
     */
    @Transactional
    public Optional<AppUser> oidcAccount(String issuer, String subject, @Nullable String username) {
        Optional<AppUser> bound = users.findByOidcIssuerAndOidcSubject(issuer, subject);
        if (bound.isPresent()) {
            return bound.filter(AppUser::enabled);
        }
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        Optional<AppUser> named = users.findByUsername(username).filter(AppUser::enabled);
        if (named.isEmpty() || named.get().oidcSubject() != null) {
            return Optional.empty();
        }
        int claimed = sql.sql("""
                        UPDATE app_user SET oidc_issuer = :issuer, oidc_subject = :subject, version = version + 1
                        WHERE id = :id AND oidc_subject IS NULL""")
                .param("issuer", issuer).param("subject", subject).param("id", named.get().id()).update();
        if (claimed != 1) {
            return Optional.empty();
        }
        return users.findById(named.get().id());
    }

    private AppUser get(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("Пользователь " + id + " не найден"));
    }

    /**
     * The jurisdictions to store: {@code *} alone when it is among them. {@code ADMIN} is given only with every
     * jurisdiction: users, keys and the access log are not divided by jurisdiction.
     */
    private static Set<String> normalized(Set<Role> roles, Set<String> jurisdictions) {
        boolean all = jurisdictions.contains(Actor.ALL_JURISDICTIONS);
        if (roles.contains(Role.ADMIN) && !all) {
            throw ApiException.badRequest("Роль ADMIN даётся только вместе со всеми территориями: укажите в jurisdictions «"
                    + Actor.ALL_JURISDICTIONS + "» (администратор управляет пользователями, ключами и журналом доступа всех территорий)");
        }
        return all ? Set.of(Actor.ALL_JURISDICTIONS) : jurisdictions;
    }

    private String hash(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("Пароль должен быть не короче " + MIN_PASSWORD_LENGTH + " символов");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw ApiException.badRequest("Пароль должен занимать не больше " + MAX_PASSWORD_BYTES
                    + " байт в UTF-8: это " + MAX_PASSWORD_BYTES + " латинских букв или цифр, но только 36 русских букв");
        }
        return passwords.encode(password);
    }
}
