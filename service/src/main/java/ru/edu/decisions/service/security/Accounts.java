package ru.edu.decisions.service.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;

/**
 * The people who sign in: their accounts, BCrypt-hashed passwords, roles and jurisdictions, and the binding of an
 * account to the identity provider's account on the first OpenID Connect sign-in. Failed logins are counted by
 * {@link LoginThrottle}. The requests of signed-in sessions check the account from an in-memory view ({@link #current})
 * kept current by re-reading an account once it is older than {@code decisions.security.account-refresh}, so a
 * session's request does not read the database.
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
    private final long viewTtlNanos;
    private final long staleOnOutageNanos;
    /** The accounts as last read, by id (an absent account too, as {@code user == null}). */
    private final Map<UUID, Viewed> view = new ConcurrentHashMap<>();
    /** More accounts than this in the view: it starts afresh (accounts are few; this only bounds the memory). */
    private static final int MAX_VIEW_SIZE = 100_000;

    private record Viewed(@Nullable AppUser user, long readAtNanos) {
    }

    public Accounts(AppUserRepository users, PasswordEncoder passwords, LoginThrottle throttle, JdbcClient sql, Clock clock,
                    @Value("${decisions.security.account-refresh:5s}") Duration viewTtl,
                    @Value("${decisions.security.account-stale-on-outage:10m}") Duration staleOnOutage) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sql = sql;
        this.clock = clock;
        this.viewTtlNanos = viewTtl.toNanos();
        this.staleOnOutageNanos = staleOnOutage.toNanos();
    }

    /**
     * The account as it is now, for the requests of a signed-in session: from an in-memory view, read again from the
     * database when older than {@code decisions.security.account-refresh} (5 s) — a change made on another instance
     * (disabled, new password, other roles) applies here within that time, and one made on this instance at once
     * (every change here drops the account from the view). While the database cannot be read, the account as last
     * read keeps serving for {@code decisions.security.account-stale-on-outage} (10 min).
     */
    public Optional<AppUser> current(UUID id) {
        long now = System.nanoTime();
        Viewed seen = view.get(id);
        if (seen != null && now - seen.readAtNanos() < viewTtlNanos) {
            return Optional.ofNullable(seen.user());
        }
        AppUser user;
        try {
            user = users.findById(id).orElse(null);
        } catch (DataAccessException e) {
            if (seen != null && now - seen.readAtNanos() < staleOnOutageNanos) {
                return Optional.ofNullable(seen.user());
            }
            throw e;
        }
        if (view.size() >= MAX_VIEW_SIZE) {
            view.clear();
        }
        view.put(id, new Viewed(user, now));
        return Optional.ofNullable(user);
    }

    /**
     * A changed account: dropped from the view, so this instance's next request reads it anew — now and again once the
     * change is committed (a request reading it in between would otherwise keep the old account for the refresh time).
     */
    private AppUser changed(AppUser user) {
        forget(user.id());
        return user;
    }

    private void forget(UUID id) {
        view.remove(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    view.remove(id);
                }
            });
        }
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
        return changed(users.save(new AppUser(Ids.newId(), null, username, password == null ? null : hash(password),
                Lists.join(roles), Lists.join(scope), true, now, createdBy, now, null, null, oneTimePassword && password != null)));
    }

    @Transactional
    public AppUser update(UUID id, Set<Role> roles, Set<String> jurisdictions, boolean enabled) {
        Set<String> scope = normalized(roles, jurisdictions);
        return changed(users.save(get(id).withAccess(roles, scope, enabled, clock.instant())));
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
        AppUser user = changed(users.save(get(id).withPasswordHash(hash(password), oneTime, clock.instant())));
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
        forget(named.get().id());
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
