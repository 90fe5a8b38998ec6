package io.seatwise.access;

import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.jobs.JobOwners;
import io.seatwise.shared.Ids;
import io.seatwise.users.UserId;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who a job runs as after a restart: an agent by e-mail ({@code agent:<email>}), a customer user by customer and
 * id ({@code user:<customer>:<user>}), each read again as they are now — a disabled agent, a blocked or deleted
 * customer user cannot act, so their job fails rather than runs.
 */
@Component
class AccessJobOwners implements JobOwners {

    private final AgentRepository agents;
    private final CustomerSignIn customerUsers;

    AccessJobOwners(AgentRepository agents, CustomerSignIn customerUsers) {
        this.agents = agents;
        this.customerUsers = customerUsers;
    }

    @Override
    public Optional<String> reference(Authentication authentication) {
        if (authentication.getPrincipal() instanceof AgentPrincipal agent) {
            return Optional.of("agent:" + agent.agent().email());
        }
        if (authentication.getPrincipal() instanceof CustomerUserPrincipal user) {
            return Optional.of("user:" + user.customerId().value() + ":" + user.userId().value());
        }
        return Optional.empty();
    }

    @Override
    public Optional<Authentication> restore(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        if (reference.startsWith("agent:")) {
            return agents.credentials(reference.substring("agent:".length()))
                    .filter(c -> c.agent().enabled())
                    .map(c -> authenticated(new AgentPrincipal(c.agent(), null, c.passwordExpiresAt())));
        }
        String[] parts = reference.split(":");
        if (parts.length == 3 && parts[0].equals("user")) {
            Optional<UUID> customer = Ids.tryParse(parts[1]);
            Optional<UUID> user = Ids.tryParse(parts[2]);
            if (customer.isPresent() && user.isPresent()) {
                return customerUsers.current(new CustomerId(customer.get()), new UserId(user.get()))
                        .filter(CustomerUserPrincipal::isEnabled).map(AccessJobOwners::authenticated);
            }
        }
        return Optional.empty();
    }

    private static Authentication authenticated(org.springframework.security.core.userdetails.UserDetails who) {
        return UsernamePasswordAuthenticationToken.authenticated(who, null, who.getAuthorities());
    }
}
