package io.seatwise.licensing.rules;

import java.util.Arrays;
import java.util.Optional;

import io.seatwise.users.DirectoryRole;

/**
 * Who asks for a change, as the policies see it: a customer user with its directory role, or an agent or the
 * system, which no directory role confines ({@code directoryRole} null). The caller reads it once from the security
 * context and passes it in.
 */
public record Actor(DirectoryRole directoryRole) {

    /** An agent, or the system's own work: not confined by a directory role. */
    public static final Actor AGENT_OR_SYSTEM = new Actor(null);

    /** The actor of a directory role as the security context names it ({@code USER_ADMIN}…); empty or unknown: none. */
    public static Actor of(Optional<String> directoryRole) {
        return new Actor(directoryRole.flatMap(name -> Arrays.stream(DirectoryRole.values())
                .filter(role -> role.name().equals(name)).findFirst()).orElse(null));
    }
}
