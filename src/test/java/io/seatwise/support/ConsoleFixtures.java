package io.seatwise.support;

import java.util.List;
import java.util.UUID;

import io.seatwise.access.AgentService;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Test fixture for console tests: signed-in agents of a role, customers with a subscription. */
@Component
public class ConsoleFixtures {

    /** Microsoft 365 E3 in the default catalog. */
    public static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");

    private final TestAgents agents;
    private final AgentService agentService;
    private final CustomersService customers;

    ConsoleFixtures(TestAgents agents, AgentService agentService, CustomersService customers) {
        this.agents = agents;
        this.agentService = agentService;
        this.customers = customers;
    }

    /** A new agent of the role, signed in as the console's form login would sign it in. */
    public RequestPostProcessor as(Role role) {
        return user(principal(role));
    }

    /** Requests as an existing agent, e.g. the initial Admin agent of the test profile. */
    public RequestPostProcessor asAgent(String email) {
        return user(agentService.loadUserByUsername(email));
    }

    public UserDetails principal(Role role) {
        return agentService.loadUserByUsername(agents.create(role).agent().email());
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer with a unique name and domain, and {@code seats} seats of E3. */
    public Customer customerWithE3(String namePrefix, int seats) {
        String name = unique(namePrefix + " ");
        return SystemActor.call(() -> {
            Customer c = customers.create(new NewCustomer(name, "SE",
                    List.of(unique("c").toLowerCase() + ".example")));
            customers.addSubscription(c.id(), E3, seats);
            return c;
        });
    }

    public int seats(Customer customer) {
        return SystemActor.call(() -> customers.subscription(customer.id(), E3).quantity());
    }
}
