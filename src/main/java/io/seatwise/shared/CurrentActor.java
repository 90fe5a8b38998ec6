package io.seatwise.shared;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is doing the current work: the signed-in agent's or customer user's name, or "system" for startup and
 * scheduled work. A customer user also carries its tenant and directory role as authorities, so every module can
 * scope its work to that one customer without knowing how sign-in works.
 */
public final class CurrentActor {

    public static final String SYSTEM = "system";
    /** Authority of an actor confined to one customer: {@code tenant:<customer id>}. */
    public static final String TENANT_PREFIX = "tenant:";
    /** Authority naming a customer user's directory role: {@code directory-role:USER_ADMIN}. */
    public static final String DIRECTORY_ROLE_PREFIX = "directory-role:";

    private CurrentActor() {
    }

    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return SYSTEM;
        }
        return auth.getName();
    }

    /** The one customer the actor may see (a customer user), or empty for agents and the system. */
    public static Optional<UUID> tenant() {
        return authority(TENANT_PREFIX).flatMap(Ids::tryParse);
    }

    /** The actor's directory role inside its tenant ({@code GLOBAL_ADMIN}, …), or empty when it is no customer user. */
    public static Optional<String> directoryRole() {
        return authority(DIRECTORY_ROLE_PREFIX);
    }

    private static Optional<String> authority(String prefix) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst();
    }
}
