package ru.edu.decisions.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.edu.decisions.service.common.ApiException;
import ru.edu.decisions.service.common.Ids;

/**
 * The people who sign in: their accounts, BCrypt-hashed passwords, roles and jurisdictions, and the login
 * throttle — after {@value #MAX_FAILED_LOGINS} failed logins in a row an account is locked for
 * {@link #LOCK_DURATION} (kept in the database, so it holds across instances and restarts).
 */
@Service
public class Accounts implements UserDetailsService {

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    static final int MIN_PASSWORD_LENGTH = 10;

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public Accounts(AppUserRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new AccountDetails(user, !user.lockedAt(clock.instant()));
    }

    /** A failed login: counts it and locks the account when too many failed in a row. */
    @Transactional
    public void failedLogin(String username) {
        users.findByUsername(username).ifPresent(user -> {
            Instant now = clock.instant();
            if (user.lockedAt(now)) {
                return;
            }
            int failed = user.failedLogins() + 1;
            users.save(user.withLogins(failed >= MAX_FAILED_LOGINS ? 0 : failed,
                    failed >= MAX_FAILED_LOGINS ? now.plus(LOCK_DURATION) : null, now));
        });
    }

    @Transactional
    public void successfulLogin(String username) {
        users.findByUsername(username).filter(u -> u.failedLogins() > 0 || u.lockedUntil() != null)
                .ifPresent(user -> users.save(user.withLogins(0, null, clock.instant())));
    }

    public @Nullable Instant lockedUntil(String username) {
        return users.findByUsername(username).filter(u -> u.lockedAt(clock.instant())).map(AppUser::lockedUntil).orElse(null);
    }

    public boolean anyUser() {
        return users.count() > 0;
    }

    public List<AppUser> all() {
        return users.findAll().stream().sorted((a, b) -> a.username().compareTo(b.username())).toList();
    }

    public java.util.Optional<AppUser> find(String username) {
        return users.findByUsername(username);
    }

    @Transactional
    public AppUser create(String username, @Nullable String password, Set<Role> roles, Set<String> jurisdictions,
                          @Nullable String createdBy) {
        if (users.findByUsername(username).isPresent()) {
            throw ApiException.conflict("Пользователь «" + username + "» уже существует");
        }
        Instant now = clock.instant();
        return users.save(new AppUser(Ids.newId(), null, username, password == null ? null : hash(password),
                Lists.join(roles), Lists.join(jurisdictions), true, 0, null, now, createdBy, now));
    }

    @Transactional
    public AppUser update(UUID id, Set<Role> roles, Set<String> jurisdictions, boolean enabled) {
        return users.save(get(id).withAccess(roles, jurisdictions, enabled, clock.instant()));
    }

    @Transactional
    public AppUser setPassword(UUID id, String password) {
        return users.save(get(id).withPasswordHash(hash(password), clock.instant()));
    }

    private AppUser get(UUID id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("Пользователь " + id + " не найден"));
    }

    private String hash(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("Пароль должен быть не короче " + MIN_PASSWORD_LENGTH + " символов");
        }
        return passwords.encode(password);
    }
}
