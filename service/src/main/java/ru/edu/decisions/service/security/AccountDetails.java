package ru.edu.decisions.service.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person signed in with a password, as Spring Security keeps them in the session: the stored user's id, the actor
 * it made and a fingerprint of the password hash. Every later request of the session compares the fingerprint and
 * the account with the database ({@link CurrentAccountFilter}), so a changed password or a disabled account ends the
 * session and changed roles apply at once. Locking is the login throttle's business ({@link LoginThrottle}), not
 * this object's.
 */
final class AccountDetails implements UserDetails, CredentialsContainer, CurrentActor.Holder {

    private final UUID userId;
    private final Actor actor;
    private final boolean enabled;
    private final String passwordStamp;
    private final boolean passwordChangeRequired;
    private @Nullable String passwordHash;

    AccountDetails(AppUser user) {
        this.userId = user.id();
        this.actor = user.actor();
        this.enabled = user.enabled();
        this.passwordStamp = passwordStamp(user);
        this.passwordChangeRequired = user.passwordChangeRequired();
        this.passwordHash = user.passwordHash();
    }

    /** A fingerprint of the stored password hash (never the hash itself): changes whenever the password is set. */
    static String passwordStamp(AppUser user) {
        return user.passwordHash() == null ? "" : ApiKeys.sha256(user.passwordHash());
    }

    UUID userId() {
        return userId;
    }

    String passwordStamp() {
        return passwordStamp;
    }

    /** Signed in with a one-time password: nothing but changing it is allowed until the person sets their own. */
    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    static List<GrantedAuthority> authorities(Actor actor) {
        return actor.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(actor);
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.name();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "AccountDetails[" + actor.name() + "]";
    }
}
