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

        public String email() {
            return agent.email();
        }
    }

    private final AgentService agents;
    private final ApiTokenService tokens;

    TestAgents(AgentService agents, ApiTokenService tokens) {
        this.agents = agents;
        this.tokens = tokens;
    }

    public Signed create(Role role) {
        Agent agent = SystemActor.call(() -> agents.create(uniqueEmail(role), role.name() + " agent", role, PASSWORD,
                false));
        return new Signed(agent, tokens.create(agent, "test").token());
    }

    /** An invited agent: it holds only a temporary password, which it must replace before anything else. */
    public AgentService.Invitation invite(Role role) {
        return SystemActor.call(() -> agents.invite(uniqueEmail(role), role.name() + " invitee", role));
    }

    /** Enables or disables an agent, as an Admin would. */
    public void setEnabled(Agent agent, boolean enabled) {
        SystemActor.run(() -> agents.update(agent.id(), null, enabled));
    }

    /** Runs service code as this agent, as its API token or console session would (e.g. to fill its sheets). */
    public <T> T as(Signed who, java.util.function.Supplier<T> work) {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var before = context.getAuthentication();
        AgentPrincipal principal = new AgentPrincipal(who.agent(), null, null);
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(principal, null, principal.getAuthorities()));
        try {
            return work.get();
        } finally {
            context.setAuthentication(before);
        }
    }

    public static String uniqueEmail(Role role) {
        return role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    }
}
