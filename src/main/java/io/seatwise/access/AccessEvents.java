package io.seatwise.access;

import java.time.Duration;

import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserId;
import org.springframework.modulith.NamedInterface;

/**
 * What the access module tells the rest of the application: named interface {@code access::events}. Each event is
 * annotated on its own (an annotation does not reach nested types); the types the events carry ({@link AgentId},
 * {@link Role}) come with them.
 */
@NamedInterface("events")
public final class AccessEvents {

    private AccessEvents() {
    }

    /** An agent was invited (or created at first start). */
    @NamedInterface("events")
    public record AgentInvited(AgentId agentId, String email, Role role) {
    }

    /** An agent's role or enabled state changed. */
    @NamedInterface("events")
    public record AgentChanged(AgentId agentId, String email, Role role, boolean enabled) {
    }

    /** An agent changed its own password. */
    @NamedInterface("events")
    public record PasswordChanged(AgentId agentId, String email) {
    }

    /**
     * An API token was created or revoked: an agent's ({@code customerId} null) or a customer administrator's
     * ({@code agentId} null); {@code email} is the owner's sign-in name.
     */
    @NamedInterface("events")
    public record ApiTokenChanged(AgentId agentId, String email, String tokenName, boolean revoked,
            CustomerId customerId) {
    }

    /** A customer user chose its own password (at first sign-in, replacing the temporary one, or later). */
    @NamedInterface("events")
    public record CustomerUserPasswordChanged(CustomerId customerId, UserId userId, String userName) {
    }

    /** A sign-in attempt failed. */
    @NamedInterface("events")
    public record SignInFailed(String userName, String reason) {
    }

    /**
     * Failed sign-ins made an account name (whether or not such an account exists; {@code byAddress} false) or a
     * source address ({@code byAddress} true) wait {@code lockedFor} after its {@code failures}-th failure in a row.
     */
    @NamedInterface("events")
    public record SignInLocked(String subject, boolean byAddress, int failures, Duration lockedFor) {
    }

    /** An Admin agent ended an agent's lock and cleared its failed sign-ins. */
    @NamedInterface("events")
    public record SignInUnlocked(AgentId agentId, String email) {
    }

    /**
     * A second factor was set up ({@code enrolled}) or reset by an Admin agent: an agent's ({@code customerId}
     * null) or a customer administrator's ({@code agentId} null).
     */
    @NamedInterface("events")
    public record SecondFactorChanged(AgentId agentId, CustomerId customerId, String userName, boolean enrolled) {
    }
}
