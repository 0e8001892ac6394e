package ru.edu.decisions.service.security;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person as Spring Security sees them: the stored user and the actor it makes. */
final class AccountDetails implements UserDetails, CredentialsContainer, CurrentActor.Holder {

    private final Actor actor;
    private final boolean enabled;
    private final boolean unlocked;
    private @Nullable String passwordHash;

    AccountDetails(AppUser user, boolean unlocked) {
        this.actor = user.actor();
        this.enabled = user.enabled();
        this.unlocked = unlocked;
        this.passwordHash = user.passwordHash();
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
    public boolean isAccountNonLocked() {
        return unlocked;
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
