package io.seatwise.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The activity log: one entry per change, with who, which customer, what; searchable, newest first. */
abstract class ActivityLogTests extends ApiTestSupport {

    Signed admin;
    Signed sales;

    @BeforeEach
    void agents() {
        admin = agents.create(Role.ADMIN);
        sales = agents.create(Role.SALES);
    }

    /** The entries of one customer, oldest first, as rows of the table. */
    List<Map<String, Object>> entriesOf(String customer) {
        return jdbc.sql("SELECT actor, customer_id, action, details FROM activity_log WHERE customer_id = ? "
                + "ORDER BY occurred_at, id").param(UUID.fromString(customer)).query().listOfRows();
    }

    long entries(String action, String detailsPart) {
        return count("SELECT count(*) FROM activity_log WHERE action = ? AND details LIKE ?", action,
                "%" + detailsPart + "%");
    }

    static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void customerSubscriptionSeatsAndUserChangesWriteOneEntryEach() throws Exception {
        // Given a Sales agent's work on a new customer
        String domain = unique("log") + ".example";
        String customer = createCustomer(sales, "SE", domain);
        postAs(sales, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":3}")
                .andExpect(status().isCreated());
        postAs(sales, "/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders", "{\"quantity\":2}")
                .andExpect(status().isCreated());
        postAs(sales, "/api/v1/customers/" + customer + "/users",
                "{\"userPrincipalName\":\"ida@" + domain + "\",\"displayName\":\"Ida\"}").andExpect(status().isCreated());

        // Then the log holds exactly one entry per change, each with actor, customer, action and details
        List<Map<String, Object>> entries = entriesOf(customer);
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("customer.created",
                "subscription.added", "subscription.seats-changed", "user.created");
        assertThat(entries).extracting(e -> e.get("actor")).containsOnly(sales.email());

        // And the API shows them newest first
        getAs(admin, "/api/v1/activity?customerId=" + customer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCount").value(4))
                .andExpect(jsonPath("$.items[*].action").value(contains("user.created", "subscription.seats-changed",
                        "subscription.added", "customer.created")))
                .andExpect(jsonPath("$.items[*].customerId").value(everyItem(containsString(customer))))
                .andExpect(jsonPath("$.items[0].actor").value(sales.email()))
                .andExpect(jsonPath("$.items[0].details.user").value("ida@" + domain))
                .andExpect(jsonPath("$.items[1].details.skuId").value(E3))
                .andExpect(jsonPath("$.items[1].details.sku").value("SPE_E3"))
                .andExpect(jsonPath("$.items[1].details.previous").value(3))
                .andExpect(jsonPath("$.items[1].details.quantity").value(5))
                .andExpect(jsonPath("$.items[2].details.skuId").value(E3))
                .andExpect(jsonPath("$.items[2].details.quantity").value(3))
                .andExpect(jsonPath("$.items[3].details.country").value("SE"))
                .andExpect(jsonPath("$.items[3].details.domains[0]").value(domain))
                .andExpect(jsonPath("$.items[0].occurredAt").exists())
                .andExpect(jsonPath("$.items[0].id").exists());
        // ... and by day or instant: today finds them, tomorrow none; a date that is none is a 400 naming the field
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        getAs(admin, "/api/v1/activity?customerId=" + customer + "&from=" + today + "&to=" + today)
                .andExpect(jsonPath("$.totalCount").value(4));
        getAs(admin, "/api/v1/activity?customerId=" + customer + "&from="
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))
                .andExpect(jsonPath("$.totalCount").value(0));
        getAs(admin, "/api/v1/activity?customerId=" + customer + "&to=" + java.time.Instant.now().minusSeconds(3600))
                .andExpect(jsonPath("$.totalCount").value(0));
        getAs(admin, "/api/v1/activity?from=last-week")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
    }

    @Test
    void agentAndTokenChangesWriteOneEntryEach() throws Exception {
        // When an Admin invites an agent and changes its role
        String email = unique("logged-") + "@partner.example";
        String agentId = read(postAs(admin, "/api/v1/agents", "{\"email\":\"" + email
                + "\",\"role\":\"HELPDESK\"}").andExpect(status().isCreated()), "$.id");
        patchAs(admin, "/api/v1/agents/" + agentId, "{\"role\":\"SALES\"}").andExpect(status().isOk());

        // And the Sales agent creates a token with its password and revokes it
        String name = unique("token-");
        String tokenId = read(mvc.perform(post("/api/v1/tokens").header("Authorization",
                        basic(sales.email(), TestAgents.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}")).andExpect(status().isCreated()), "$.id");
        mvc.perform(delete("/api/v1/tokens/" + tokenId).header("Authorization", sales.bearer()))
                .andExpect(status().isNoContent());

        // Then there is one entry for each, by the agent that did it, with no customer
        assertThat(entries("agent.invited", email)).isEqualTo(1);
        assertThat(entries("agent.changed", email)).isEqualTo(1);
        assertThat(entries("token.created", name)).isEqualTo(1);
        assertThat(entries("token.revoked", name)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM activity_log WHERE data LIKE ? AND actor = ? AND customer_id IS NULL",
                "%\"agent\":\"" + email + "\"%", admin.email())).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM activity_log WHERE data LIKE ? AND actor = ? AND customer_id IS NULL",
                "%\"token\":\"" + name + "\"%", sales.email())).isEqualTo(2);
        getAs(admin, "/api/v1/activity?search=" + email)
                .andExpect(jsonPath("$.items[*].action").value(contains("agent.changed", "agent.invited")))
                .andExpect(jsonPath("$.items[0].details.role").value("SALES"))
                .andExpect(jsonPath("$.items[0].details.enabled").value(true))
                .andExpect(jsonPath("$.items[1].details.role").value("HELPDESK"));
    }

    @Test
    void aFailedSignInWritesOneEntry() throws Exception {
        mvc.perform(post("/api/v1/tokens").header("Authorization", basic(sales.email(), "wrong-password-1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\"}")).andExpect(status().isUnauthorized());

        assertThat(count("SELECT count(*) FROM activity_log WHERE action = 'signin.failed' AND actor = ? "
                + "AND customer_id IS NULL AND data LIKE ?", sales.email(), "%\"user\":\"" + sales.email() + "\"%"))
                .isEqualTo(1);
        getAs(admin, "/api/v1/activity?action=signin.failed&actor=" + sales.email())
                .andExpect(jsonPath("$.totalCount").value(1))
                .andExpect(jsonPath("$.items[0].details.user").value(sales.email()))
                .andExpect(jsonPath("$.items[0].details.reason").value("wrong-password"));
    }

    @Test
    void filtersByCustomerActorActionAndTextAndPagesNewestFirst() throws Exception {
        // Given two customers: one by the Sales agent with three seat orders, one by the Admin
        String domain = unique("filter") + ".example";
        String customer = createCustomer(sales, "FI", domain);
        String other = createCustomer(admin, "FI", unique("other") + ".example");
        postAs(sales, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":1}")
                .andExpect(status().isCreated());
        for (int n = 1; n <= 3; n++) {
            postAs(sales, "/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders",
                    "{\"quantity\":" + n + "}").andExpect(status().isCreated());
        }

        // customer
        getAs(admin, "/api/v1/activity?customerId=" + customer).andExpect(jsonPath("$.totalCount").value(5));
        getAs(admin, "/api/v1/activity?customerId=" + other).andExpect(jsonPath("$.totalCount").value(1))
                .andExpect(jsonPath("$.items[0].actor").value(admin.email()));
        getAs(admin, "/api/v1/activity?customerId=" + UUID.randomUUID()).andExpect(jsonPath("$.totalCount").value(0));
        // actor
        getAs(admin, "/api/v1/activity?actor=" + sales.email()).andExpect(jsonPath("$.totalCount").value(5))
                .andExpect(jsonPath("$.items[*].actor").value(everyItem(containsString(sales.email()))));
        getAs(admin, "/api/v1/activity?actor=" + sales.email().toUpperCase() + "&customerId=" + other)
                .andExpect(jsonPath("$.totalCount").value(0));
        // action
        getAs(admin, "/api/v1/activity?customerId=" + customer + "&action=subscription.seats-changed")
                .andExpect(jsonPath("$.totalCount").value(3))
                .andExpect(jsonPath("$.items[*].details.quantity").value(contains(7, 4, 2)))
                .andExpect(jsonPath("$.items[*].details.previous").value(contains(4, 2, 1)));
        // text, case-insensitive
        getAs(admin, "/api/v1/activity?search=" + domain.toUpperCase()).andExpect(jsonPath("$.totalCount").value(1))
                .andExpect(jsonPath("$.items[0].action").value("customer.created"));
        mvc.perform(get("/api/v1/activity").param("search", "spe_e3").param("customerId", customer)
                .header("Authorization", admin.bearer())).andExpect(jsonPath("$.totalCount").value(4));

        // paging, newest first
        getAs(admin, "/api/v1/activity?customerId=" + customer + "&size=2")
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalCount").value(5))
                .andExpect(jsonPath("$.items[*].details.quantity").value(contains(7, 4)));
        getAs(admin, "/api/v1/activity?customerId=" + customer + "&size=2&page=2")
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].action").value("customer.created"));
        getAs(admin, "/api/v1/activity?size=501").andExpect(problem(400, "validation", "size"));
    }

    @Test
    void textAndActorFiltersTakeWildcardsLiterally() throws Exception {
        String customer = createCustomer(sales, "DK", unique("wild") + ".example");

        mvc.perform(get("/api/v1/activity").param("customerId", customer).param("search", "%")
                .header("Authorization", admin.bearer())).andExpect(jsonPath("$.totalCount").value(0));
        mvc.perform(get("/api/v1/activity").param("customerId", customer).param("actor", "_")
                .header("Authorization", admin.bearer())).andExpect(jsonPath("$.totalCount").value(0));
        mvc.perform(get("/api/v1/activity").param("customerId", customer).param("search", "DK")
                .header("Authorization", admin.bearer())).andExpect(jsonPath("$.totalCount").value(1));
    }

    @Test
    void aMalformedCustomerFilterIsABadRequest() throws Exception {
        getAs(admin, "/api/v1/activity?customerId=not-a-uuid").andExpect(problem(400, "validation", "customerId"));
    }

    @Test
    void aRefusedChangeWritesNoEntry() throws Exception {
        // Given a customer that owns a domain
        String domain = unique("refused") + ".example";
        String customer = createCustomer(sales, "SE", domain);
        postAs(sales, "/api/v1/customers/" + customer + "/users",
                "{\"userPrincipalName\":\"jo@" + domain + "\",\"displayName\":\"Jo\"}").andExpect(status().isCreated());
        Signed helpdesk = agents.create(Role.HELPDESK);
        long before = count("SELECT count(*) FROM activity_log");

        // When changes are refused: conflict, validation, permission, not found
        postAs(sales, "/api/v1/customers", "{\"name\":\"Copy\",\"country\":\"SE\",\"domains\":[\"" + domain + "\"]}")
                .andExpect(problem(409, "domain-taken"));
        postAs(sales, "/api/v1/customers/" + customer + "/users",
                "{\"userPrincipalName\":\"JO@" + domain + "\",\"displayName\":\"Jo\"}")
                .andExpect(problem(409, "user-name-taken"));
        postAs(sales, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":-1}")
                .andExpect(problem(400, "validation"));
        postAs(helpdesk, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":\"" + E3
                + "\",\"quantity\":1}").andExpect(problem(403, "forbidden"));
        postAs(sales, "/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders", "{\"quantity\":1}")
                .andExpect(problem(404, "not-found"));
        postAs(admin, "/api/v1/agents", "{\"email\":\"" + sales.email() + "\",\"role\":\"SALES\"}")
                .andExpect(problem(409, "email-taken"));

        // Then the log is unchanged
        assertThat(count("SELECT count(*) FROM activity_log")).isEqualTo(before);
    }

    @Test
    void onlyAdminsReadTheLog() throws Exception {
        getAs(sales, "/api/v1/activity").andExpect(problem(403, "forbidden"));
        getAs(agents.create(Role.HELPDESK), "/api/v1/activity").andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/activity")).andExpect(problem(401, "unauthorized"));
    }
}
