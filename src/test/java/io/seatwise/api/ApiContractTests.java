package io.seatwise.api;

import java.util.Collections;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's contract as a client sees it: an OpenAPI description, and problem+json 4xx for whatever a client sends
 * wrong (huge fields, wrong types, not JSON, another content type, an unknown route), never a 500.
 */
abstract class ApiContractTests extends ApiTestSupport {

    Signed admin;
    String customer;

    @BeforeEach
    void setUp() throws Exception {
        admin = agents.create(Role.ADMIN);
        customer = createCustomer(admin, "SE", unique("contract") + ".example");
        postAs(admin, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":5}")
                .andExpect(status().isCreated());
    }

    /** A 4xx problem document: never a 500, never an HTML or empty error. */
    static ResultMatcher clientProblem() {
        return result -> {
            int status = result.getResponse().getStatus();
            assertThat(status).as("status of " + result.getRequest().getMethod() + " "
                    + result.getRequest().getRequestURI()).isBetween(400, 499);
            assertThat(result.getResponse().getContentType()).as("content type")
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(result.getResponse().getContentAsString()).contains("\"type\":\"urn:seatwise:problem:")
                    .contains("\"status\":" + status);
        };
    }

    ResultActions postCustomer(String json) throws Exception {
        return postAs(admin, "/api/v1/customers", json);
    }

    long customers() {
        return count("SELECT count(*) FROM customer");
    }

    @Test
    void theOpenApiDescriptionIsPublicAndNamesTheResources() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers/{customerId}/subscribedskus'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers/{customerId}/subscriptions/{skuId}/orders'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/tokens'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/customers/{customerId}/users'].post").exists());
    }

    @Test
    void oversizedFieldsAreRefusedNamingTheField() throws Exception {
        long before = customers();
        String huge = "n".repeat(10_000);

        postCustomer("{\"name\":\"" + huge + "\",\"country\":\"SE\",\"domains\":[\"" + unique("big") + ".example\"]}")
                .andExpect(problem(400, "validation", "name"));
        String domains = String.join(",", Collections.nCopies(1_000, "\"" + unique("d") + ".example\""));
        postCustomer("{\"name\":\"Many\",\"country\":\"SE\",\"domains\":[" + domains + "]}")
                .andExpect(problem(400, "validation", "domains"));
        postCustomer("{\"name\":\"Long domain\",\"country\":\"SE\",\"domains\":[\"" + "a".repeat(10_000) + ".example\"]}")
                .andExpect(problem(400, "validation", "domains[0]"));
        postCustomer("{\"name\":\"Long country\",\"country\":\"" + huge + "\",\"domains\":[\"x.example\"]}")
                .andExpect(problem(400, "validation", "country"));
        postAs(admin, "/api/v1/customers/" + customer + "/users", "{\"userPrincipalName\":\"" + huge
                + "@x.example\",\"displayName\":\"X\"}").andExpect(problem(400, "validation", "userPrincipalName"));
        postAs(admin, "/api/v1/customers/" + customer + "/users", "{\"userPrincipalName\":\"x@x.example\","
                + "\"displayName\":\"" + huge + "\"}").andExpect(problem(400, "validation", "displayName"));
        postAs(admin, "/api/v1/agents", "{\"email\":\"" + huge + "@x.example\",\"role\":\"SALES\"}")
                .andExpect(problem(400, "validation", "email"));
        postAs(admin, "/api/v1/agents", "{\"email\":\"" + unique("a") + "@x.example\",\"displayName\":\"" + huge
                + "\",\"role\":\"SALES\"}").andExpect(problem(400, "validation", "displayName"));
        postAs(admin, "/api/v1/agents", "{\"email\":\"" + unique("a") + "@x.example\",\"role\":\"" + huge + "\"}")
                .andExpect(problem(400, "validation", "role"));
        postAs(admin, "/api/v1/tokens", "{\"name\":\"" + huge + "\"}").andExpect(problem(400, "validation", "name"));

        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void oversizedSearchesAndPagesAnswerWithoutError() throws Exception {
        String huge = "q".repeat(10_000);
        for (String url : new String[] {"/api/v1/customers", "/api/v1/products", "/api/v1/activity",
                "/api/v1/customers/" + customer + "/users"}) {
            mvc.perform(get(url).param("search", huge).header("Authorization", admin.bearer()))
                    .andExpect(status().isOk());
            mvc.perform(get(url).param("page", String.valueOf(Integer.MAX_VALUE)).param("size", "500")
                            .header("Authorization", admin.bearer()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
            mvc.perform(get(url).param("page", "99999999999").header("Authorization", admin.bearer()))
                    .andExpect(clientProblem()).andExpect(jsonPath("$.field").value("page"));
            mvc.perform(get(url).param("size", "lots").header("Authorization", admin.bearer()))
                    .andExpect(clientProblem()).andExpect(jsonPath("$.field").value("size"));
        }
        mvc.perform(get("/api/v1/activity").param("actor", huge).param("action", huge)
                .header("Authorization", admin.bearer())).andExpect(status().isOk());
        getAs(admin, "/api/v1/customers/" + "9".repeat(10_000)).andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer sw_" + "x".repeat(10_000)))
                .andExpect(problem(401, "unauthorized"));
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheField() throws Exception {
        long before = customers();

        postCustomer("{\"name\":{\"first\":\"A\"},\"country\":\"SE\",\"domains\":[\"t1.example\"]}")
                .andExpect(problem(400, "malformed-request", "name"));
        postCustomer("{\"name\":\"A\",\"country\":\"SE\",\"domains\":\"t2.example\"}")
                .andExpect(problem(400, "malformed-request", "domains"));
        postCustomer("{\"name\":\"A\",\"country\":[\"SE\"],\"domains\":[\"t3.example\"]}")
                .andExpect(problem(400, "malformed-request", "country"));
        postCustomer("{\"name\":\"A\",\"country\":\"SE\",\"domains\":[[\"t4.example\"]]}")
                .andExpect(clientProblem());
        postCustomer("[{\"name\":\"A\",\"country\":\"SE\",\"domains\":[\"t5.example\"]}]")
                .andExpect(problem(400, "malformed-request"));
        postCustomer("\"just a string\"").andExpect(problem(400, "malformed-request"));
        postCustomer("null").andExpect(clientProblem());
        postAs(admin, "/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders", "{\"quantity\":\"many\"}")
                .andExpect(problem(400, "malformed-request", "quantity"));
        postAs(admin, "/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders", "{\"quantity\":[1]}")
                .andExpect(clientProblem());
        postAs(admin, "/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders", "{\"quantity\":1e400}")
                .andExpect(clientProblem());
        postAs(admin, "/api/v1/agents", "{\"email\":[],\"role\":\"SALES\"}").andExpect(clientProblem());
        postAs(admin, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":123,\"quantity\":1}")
                .andExpect(clientProblem());

        assertThat(customers()).isEqualTo(before);
        assertThat(count("SELECT quantity FROM subscription WHERE customer_id = ?",
                java.util.UUID.fromString(customer))).isEqualTo(5);
    }

    @Test
    void aFractionalSeatCountIsRefusedRatherThanRounded() throws Exception {
        postAs(admin, "/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders", "{\"quantity\":1.5}")
                .andExpect(problem(400, "malformed-request", "quantity"));

        assertThat(count("SELECT quantity FROM subscription WHERE customer_id = ?",
                java.util.UUID.fromString(customer))).isEqualTo(5);
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() throws Exception {
        long before = customers();

        postCustomer("name=A&country=SE").andExpect(problem(400, "malformed-request"));
        postCustomer("{\"name\": \"A\", \"domains\": ").andExpect(problem(400, "malformed-request"));
        postCustomer("").andExpect(problem(400, "malformed-request"));
        postCustomer("[".repeat(5_000) + "]".repeat(5_000)).andExpect(clientProblem());
        postCustomer("{\"name\":\"A\",\"name\":\"B\",\"country\":\"SE\",\"domains\":[\"" + unique("dup")
                + ".example\"]}").andExpect(status().is(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(201))
                .or(org.hamcrest.Matchers.is(400))));

        assertThat(customers()).isLessThanOrEqualTo(before + 1);
    }

    @Test
    void anUnsupportedContentTypeIsRefused() throws Exception {
        long before = customers();

        mvc.perform(post("/api/v1/customers").header("Authorization", admin.bearer())
                        .contentType(MediaType.TEXT_PLAIN).content("{\"name\":\"A\",\"country\":\"SE\",\"domains\":[\"p.example\"]}"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(clientProblem());
        mvc.perform(post("/api/v1/customers").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_XML).content("<customer/>"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(clientProblem());
        mvc.perform(post("/api/v1/customers/" + customer + "/subscriptions/" + E3 + "/orders")
                        .header("Authorization", admin.bearer()).contentType(MediaType.TEXT_PLAIN).content("3"))
                .andExpect(status().isUnsupportedMediaType()).andExpect(clientProblem());

        assertThat(customers()).isEqualTo(before);
    }

    @Test
    void anUnknownRouteOrMethodIsAProblemDocument() throws Exception {
        getAs(admin, "/api/v1/nothing-here").andExpect(status().isNotFound()).andExpect(clientProblem());
        getAs(admin, "/api/v2/customers").andExpect(status().isNotFound()).andExpect(clientProblem());
        postAs(admin, "/api/v1/agents/", "{}").andExpect(status().isNotFound()).andExpect(clientProblem());
        getAs(admin, "/api/v1/customers/" + customer + "/no-such-thing").andExpect(status().isNotFound())
                .andExpect(clientProblem());
        mvc.perform(delete("/api/v1/customers").header("Authorization", admin.bearer()))
                .andExpect(status().isMethodNotAllowed()).andExpect(clientProblem());
        mvc.perform(put("/api/v1/customers/" + customer).header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed()).andExpect(clientProblem());
        // without a token, the route is not even looked up
        mvc.perform(get("/api/v1/nothing-here")).andExpect(problem(401, "unauthorized"));
    }

    @Test
    void anUnknownConsolePageIsLeftToTheConsole() throws Exception {
        mvc.perform(get("/no-such-page").with(SecurityMockMvcRequestPostProcessors.user(admin.email())))
                .andExpect(status().isNotFound())
                .andExpect(result -> assertThat(String.valueOf(result.getResponse().getContentType()))
                        .doesNotContain("problem+json"));
    }
}
