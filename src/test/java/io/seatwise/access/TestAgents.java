package io.seatwise.access;

import java.util.UUID;

import org.springframework.stereotype.Component;

/** Test fixture: agents of a given role with a password and an API token, without the invitation round-trip. */
@Component
public class TestAgents {

    public static final String PASSWORD = "correct-horse-battery";

    /** An agent and its bearer token. */
    public record Signed(Agent agent, String token) {

        public String bearer() {
            return "Bearer " + token;
        }
    }

    private final AgentService agents;
    private final ApiTokenService tokens;

    TestAgents(AgentService agents, ApiTokenService tokens) {
        this.agents = agents;
        this.tokens = tokens;
    }

    public Signed create(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        Agent agent = SystemActor.call(() -> agents.create(email, role.name() + " agent", role, PASSWORD, false));
        return new Signed(agent, tokens.create(agent, "test").token());
    }
}
