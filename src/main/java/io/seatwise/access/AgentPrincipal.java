package io.seatwise.access;

import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in agent as Spring Security sees it: its role's permissions are its authorities. Serialised into the
 * console session (in the database, read by any node), without its password hash.
 */
public final class AgentPrincipal implements UserDetails {

    /** Fixed, so that a session stored in the database by one release is still read by the next. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** Held by an agent that signed in with a temporary password and must choose its own first. */
    public static final String PASSWORD_CHANGE_REQUIRED = "password:change-required";

    private final Agent agent;
    private final transient String passwordHash;
    private final Instant passwordExpiresAt;

    AgentPrincipal(Agent agent, String passwordHash, Instant passwordExpiresAt) {
        this.agent = agent;
        this.passwordHash = passwordHash;
        this.passwordExpiresAt = passwordExpiresAt;
    }

    /** A temporary password stops working when it expires; an Admin agent then invites again. */
    @Override
    public boolean isCredentialsNonExpired() {
        return passwordExpiresAt == null || Instant.now().isBefore(passwordExpiresAt);
    }

    public Agent agent() {
        return agent;
    }

    static List<GrantedAuthority> authoritiesOf(Agent agent) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + agent.role().name()));
        if (agent.mustChangePassword()) {
            authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
            return authorities;
        }
        agent.role().permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        return authorities;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(agent);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return agent.email();
    }

    @Override
    public boolean isEnabled() {
        return agent.enabled();
    }
}
