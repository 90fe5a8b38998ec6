package io.seatwise.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * product.md's permission matrix, enforced on every API endpoint: what each agent role may do, and that a refused
 * action answers 403 problem+json and changes nothing.
 */
abstract class PermissionMatrixTests extends ApiTestSupport {

    static final String EXCHANGE_PLAN_1 = "4b9405b0-7788-4568-add1-99614e613b69";

    /** One API action and the status each role gets: ADMIN, SALES, HELPDESK. */
    record Action(String method, String url, String body, int admin, int sales, int helpdesk) {

        int expected(Role role) {
            return switch (role) {
                case ADMIN -> admin;
                case SALES -> sales;
                case HELPDESK -> helpdesk;
            };
        }
    }

    static final String CUSTOMER_BODY = "{\"name\":\"Matrix {unique}\",\"country\":\"FI\","
            + "\"domains\":[\"{unique}.example\"]}";
    static final String USER_BODY = "{\"userPrincipalName\":\"{unique}@{domain}\",\"firstName\":\"Mia\","
            + "\"lastName\":\"Matrix\"}";

    static final List<Action> ACTIONS = List.of(
            // customers: create Admin and Sales; read everyone
            new Action("POST", "/api/v1/customers", CUSTOMER_BODY, 201, 201, 403),
            new Action("GET", "/api/v1/customers", null, 200, 200, 200),
            new Action("GET", "/api/v1/customers/{customer}", null, 200, 200, 200),
            new Action("GET", "/api/v1/customers/{customer}/subscribedskus", null, 200, 200, 200),
            new Action("GET", "/api/v1/customers/{customer}/subscribedskus/{sku}", null, 200, 200, 200),
            new Action("GET", "/api/v1/customers/{customer}/subscriptions/{sku}/orders", null, 200, 200, 200),
            // subscriptions and Buy more: no purchases for Helpdesk
            new Action("POST", "/api/v1/customers/{customer}/subscriptions",
                    "{\"skuId\":\"" + EXCHANGE_PLAN_1 + "\",\"quantity\":3}", 201, 201, 403),
            new Action("POST", "/api/v1/customers/{customer}/subscriptions/{sku}/orders", "{\"quantity\":2}",
                    201, 201, 403),
            new Action("PATCH", "/api/v1/customers/{customer}/subscriptions/{sku}", "{\"quantity\":7}",
                    200, 200, 403),
            // users and licenses: everyone
            new Action("POST", "/api/v1/customers/{customer}/users", USER_BODY, 201, 201, 201),
            new Action("GET", "/api/v1/customers/{customer}/users", null, 200, 200, 200),
            new Action("GET", "/api/v1/customers/{customer}/users/{user}", null, 200, 200, 200),
            // the partner's own agents and the activity log: Admin only
            new Action("GET", "/api/v1/agents", null, 200, 403, 403),
            new Action("POST", "/api/v1/agents",
                    "{\"email\":\"{unique}@test.example\",\"displayName\":\"New\",\"role\":\"SALES\"}", 201, 403, 403),
            new Action("PATCH", "/api/v1/agents/{agent}", "{\"role\":\"ADMIN\"}", 200, 403, 403),
            new Action("PATCH", "/api/v1/agents/{agent}", "{\"enabled\":false}", 200, 403, 403),
            new Action("GET", "/api/v1/activity", null, 200, 403, 403),
            new Action("GET", "/api/v1/activity?customerId={customer}", null, 200, 403, 403),
            // the catalog and one's own API tokens: everyone
            new Action("GET", "/api/v1/products", null, 200, 200, 200),
            new Action("GET", "/api/v1/products/{sku}", null, 200, 200, 200),
            new Action("GET", "/api/v1/tokens", null, 200, 200, 200),
            new Action("POST", "/api/v1/tokens", "{\"name\":\"matrix\"}", 201, 201, 201));

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Action action : ACTIONS) {
            for (Role role : Role.values()) {
                rows.add(Arguments.of(role, action.method(), action.url(), action.expected(role), action));
            }
        }
        return rows.stream();
    }

    static Stream<Action> actions() {
        return ACTIONS.stream();
    }

    Signed admin;
    String customer;
    String domain;
    String user;
    Agent target;

    @BeforeEach
    void fixtures() throws Exception {
        admin = agents.create(Role.ADMIN);
        domain = unique("matrix") + ".example";
        customer = createCustomer(admin, "FI", domain);
        postAs(admin, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":5}")
                .andExpect(status().isCreated());
        user = read(postAs(admin, "/api/v1/customers/" + customer + "/users",
                "{\"userPrincipalName\":\"first@" + domain + "\",\"displayName\":\"First\"}")
                .andExpect(status().isCreated()), "$.id");
        target = agents.create(Role.HELPDESK).agent();
    }

    String fill(String text) {
        return text == null ? null : text.replace("{customer}", customer).replace("{sku}", E3)
                .replace("{user}", user).replace("{agent}", target.id().toString()).replace("{domain}", domain)
                .replace("{unique}", unique("m"));
    }

    MockHttpServletRequestBuilder call(Action action, RequestPostProcessor auth) {
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(action.method()), fill(action.url()));
        if (action.body() != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(fill(action.body()));
        }
        return builder.with(auth);
    }

    static RequestPostProcessor authorization(String value) {
        return (MockHttpServletRequest request) -> {
            if (value != null) {
                request.addHeader("Authorization", value);
            }
            return request;
        };
    }

    /** Everything a refused action could have changed. */
    List<Object> snapshot() {
        List<Object> state = new ArrayList<>();
        for (String table : List.of("customer", "customer_domain", "subscription", "subscription_order", "app_user",
                "agent", "api_token", "activity_log")) {
            state.add(table + "=" + count("SELECT count(*) FROM " + table));
        }
        state.add(count("SELECT quantity FROM subscription WHERE customer_id = ? AND sku_id = ?",
                UUID.fromString(customer), UUID.fromString(E3)));
        state.add(jdbc.sql("SELECT role || '/' || enabled FROM agent WHERE id = ?").param(target.id().value())
                .query(String.class).single());
        return state;
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("matrix")
    void eachRoleGetsWhatTheMatrixAllows(Role role, String method, String url, int expected, Action action)
            throws Exception {
        // Given an agent of the role and a customer with a subscription and a user
        Signed agent = agents.create(role);
        List<Object> before = snapshot();

        // When it calls the endpoint
        var result = mvc.perform(call(action, authorization(agent.bearer())));

        // Then it gets what the matrix says; a refusal is a problem document and changes nothing
        if (expected == 403) {
            result.andExpect(problem(403, "forbidden"));
            assertThat(snapshot()).isEqualTo(before);
        } else {
            result.andExpect(status().is(expected));
        }
    }

    @ParameterizedTest(name = "{0} {1} without a token -> 401")
    @MethodSource("actions")
    void everyEndpointRefusesARequestWithoutToken(Action action) throws Exception {
        List<Object> before = snapshot();

        mvc.perform(call(action, authorization(null)))
                .andExpect(problem(401, "unauthorized"))
                .andExpect(header().exists("WWW-Authenticate"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} with a made-up token -> 401")
    @MethodSource("actions")
    void everyEndpointRefusesAMadeUpToken(Action action) throws Exception {
        List<Object> before = snapshot();

        mvc.perform(call(action, authorization("Bearer sw_" + "x".repeat(43)))).andExpect(problem(401, "unauthorized"));
        mvc.perform(call(action, authorization("Bearer not-even-a-seatwise-token")))
                .andExpect(problem(401, "unauthorized"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRevokedTokenNoLongerOpensAnything() throws Exception {
        // Given a Sales agent whose token worked, then was revoked
        Signed sales = agents.create(Role.SALES);
        getAs(sales, "/api/v1/customers/" + customer).andExpect(status().isOk());
        String tokenId = read(getAs(sales, "/api/v1/tokens"), "$[0].id");
        mvc.perform(delete("/api/v1/tokens/" + tokenId).header("Authorization", sales.bearer()))
                .andExpect(status().isNoContent());
        List<Object> before = snapshot();

        // When it is used again, on any endpoint, Then it is refused
        for (Action action : ACTIONS) {
            mvc.perform(call(action, authorization(sales.bearer()))).andExpect(problem(401, "unauthorized"));
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theApiAcceptsNoPasswordInsteadOfAToken() throws Exception {
        // Given an Admin agent's email and password, When they are sent as HTTP Basic to a resource
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (admin.email() + ":" + TestAgents.PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // Then only token creation accepts them
        mvc.perform(call(ACTIONS.get(1), authorization(basic))).andExpect(problem(401, "unauthorized"));
        mvc.perform(call(ACTIONS.get(12), authorization(basic))).andExpect(problem(401, "unauthorized"));
    }
}
