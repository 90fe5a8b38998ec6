package io.seatwise.access.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.seatwise.access.Agent;
import io.seatwise.access.AgentId;
import io.seatwise.access.AgentService;
import io.seatwise.access.Role;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/agents}: Admin agents manage the partner's agents. */
@RestController
@RequestMapping("/api/v1/agents")
class AgentsApiController {

    record InviteRequest(String email, String displayName, String role) {
    }

    record UpdateRequest(String role, Boolean enabled) {
    }

    record AgentResponse(UUID id, String email, String displayName, String role, boolean enabled,
            boolean mustChangePassword, Instant createdAt, Instant lockedUntil, String temporaryPassword) {

        /** Never the password: a record's own toString would put it in any log that prints this. */
        @Override
        public String toString() {
            return "AgentResponse[id=" + id + ", temporaryPassword=(hidden)]";
        }

        static AgentResponse of(Agent a, Instant lockedUntil, String temporaryPassword) {
            return new AgentResponse(a.id().value(), a.email(), a.displayName(), a.role().name(), a.enabled(),
                    a.mustChangePassword(), a.createdAt(), lockedUntil, temporaryPassword);
        }
    }

    private final AgentService agents;

    AgentsApiController(AgentService agents) {
        this.agents = agents;
    }

    /** Each agent, with {@code lockedUntil} set while failed sign-ins keep it locked. */
    @GetMapping
    List<AgentResponse> list() {
        List<Agent> all = agents.list();
        Map<AgentId, Instant> locked = agents.locked(all);
        return all.stream().map(a -> AgentResponse.of(a, locked.get(a.id()), null)).toList();
    }

    @PostMapping
    ResponseEntity<AgentResponse> invite(@RequestBody InviteRequest request) {
        var invitation = agents.invite(request.email(), request.displayName(), role(request.role(), true));
        return ResponseEntity.created(URI.create("/api/v1/agents/" + invitation.agent().id()))
                .body(AgentResponse.of(invitation.agent(), null, invitation.temporaryPassword()));
    }

    @PatchMapping("/{agentId}")
    AgentResponse update(@PathVariable String agentId, @RequestBody UpdateRequest request) {
        Agent agent = agents.update(new AgentId(Ids.parse(agentId, "agent")), role(request.role(), false),
                request.enabled());
        return AgentResponse.of(agent, agents.locked(List.of(agent)).get(agent.id()), null);
    }

    /** Ends the agent's lock after failed sign-ins (and forgets those failures); the agent as it is then. */
    @PostMapping("/{agentId}/unlock")
    AgentResponse unlock(@PathVariable String agentId) {
        return AgentResponse.of(agents.unlock(new AgentId(Ids.parse(agentId, "agent"))), null, null);
    }

    private static Role role(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw DomainException.invalid("validation", "role", "role is required (ADMIN, SALES or HELPDESK)");
            }
            return null;
        }
        try {
            return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("validation", "role", "role must be ADMIN, SALES or HELPDESK");
        }
    }
}
