package io.seatwise.provisioning;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A SCIM token has a budget of its own ({@code seatwise.limits.per-provisioning-token.*}, not the API tokens' one,
 * which the test profile leaves unlimited); over it, a 429 SCIM error with {@code Retry-After}.
 */
@TestPropertySource(properties = { "seatwise.limits.per-provisioning-token.requests=3",
        "seatwise.limits.per-provisioning-token.period=1h" })
abstract class ScimRateLimitsTests extends ApiTestSupport {

    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    ScimTokens tokens;

    @Test
    void aScimTokenIsLimitedPerTokenAndRefusedInScimsErrorFormat() throws Exception {
        var admin = agents.create(Role.ADMIN);
        Tenant tenant = customerUsers.tenant(1);
        String first = agents.as(admin, () -> tokens.create(tenant.id(), unique("a "))).token();
        String second = agents.as(admin, () -> tokens.create(tenant.id(), unique("b "))).token();
        for (int i = 3; i > 0; i--) {
            mvc.perform(get("/scim/v2/Schemas").header("Authorization", "Bearer " + first))
                    .andExpect(status().isOk())
                    .andExpect(header().string("RateLimit-Limit", "3"))
                    .andExpect(header().string("RateLimit-Remaining", Integer.toString(i - 1)));
        }
        mvc.perform(get("/scim/v2/Schemas").header("Authorization", "Bearer " + first))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/scim+json"))
                .andExpect(jsonPath("$.schemas[0]").value(ScimError.SCHEMA))
                .andExpect(jsonPath("$.status").value("429"));
        // another token of the same customer has its own budget
        mvc.perform(get("/scim/v2/Schemas").header("Authorization", "Bearer " + second))
                .andExpect(status().isOk()).andExpect(header().string("RateLimit-Remaining", "2"));
    }
}
