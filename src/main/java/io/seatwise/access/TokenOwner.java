package io.seatwise.access;

import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserId;

/**
 * Whose API token: an agent's, or a customer administrator's (its customer and user). Exactly one of the two is
 * set, as the table's check constraint says; {@code name} is the owner's sign-in name.
 */
record TokenOwner(AgentId agentId, CustomerId customerId, UserId userId, String name) {

    public TokenOwner {
        if ((agentId == null) == (customerId == null || userId == null)) {
            throw new IllegalArgumentException("a token belongs to an agent or to a customer user");
        }
    }

    public static TokenOwner of(Agent agent) {
        return new TokenOwner(agent.id(), null, null, agent.email());
    }

    public static TokenOwner of(CustomerUserPrincipal user) {
        return new TokenOwner(null, user.customerId(), user.userId(), user.getUsername());
    }

    boolean isAgent() {
        return agentId != null;
    }
}
