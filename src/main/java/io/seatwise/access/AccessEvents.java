package io.seatwise.access;

/** What the access module tells the rest of the application. */
public final class AccessEvents {

    private AccessEvents() {
    }

    /** An agent was invited (or created at first start). */
    public record AgentInvited(AgentId agentId, String email, Role role) {
    }

    /** An agent's role or enabled state changed. */
    public record AgentChanged(AgentId agentId, String email, Role role, boolean enabled) {
    }

    /** An agent changed its own password. */
    public record PasswordChanged(AgentId agentId, String email) {
    }

    /** An API token was created or revoked. */
    public record ApiTokenChanged(AgentId agentId, String email, String tokenName, boolean revoked) {
    }

    /** A sign-in attempt failed. */
    public record SignInFailed(String userName, String reason) {
    }
}
