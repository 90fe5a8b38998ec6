package io.seatwise.customers;

import java.util.UUID;

import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Customers, subscriptions and Buy more through the API; run on H2 and on PostgreSQL. */
abstract class CustomersApiTests {

    static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    static final String EXCHANGE_PLAN_1 = "4b9405b0-7788-4568-add1-99614e613b69";

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAgents agents;
    @Autowired
    JdbcClient jdbc;

    Signed sales;

    @BeforeEach
    void signIn() {
        sales = agents.create(Role.SALES);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions postJson(String url, String json) throws Exception {
        return mvc.perform(post(url).header("Authorization", sales.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String createCustomer(String name, String domain) throws Exception {
        String body = postJson("/api/v1/customers",
                "{\"name\":\"" + name + "\",\"country\":\"se\",\"domains\":[\"" + domain + "\"]}")
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return body.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }

    long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void createsACustomerAndReadsItBack() throws Exception {
        String domain = unique("alpha") + ".example";
        String id = createCustomer("Alpha Oy", domain);

        mvc.perform(get("/api/v1/customers/" + id).header("Authorization", sales.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Alpha Oy"))
                .andExpect(jsonPath("$.country").value("SE"))
                .andExpect(jsonPath("$.domains[0]").value(domain));
        assertThat(count("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action = 'customer.created'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void listsCustomersWithSearchAndPaging() throws Exception {
        String tag = unique("paging");
        for (int i = 0; i < 3; i++) {
            createCustomer(tag + " " + i, tag + i + ".example");
        }
        mvc.perform(get("/api/v1/customers").param("search", tag).param("size", "2").param("page", "1")
                        .header("Authorization", sales.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCount").value(3))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].name").value(tag + " 2"));
    }

    @Test
    void refusesADomainThatBelongsToAnotherCustomerAndChangesNothing() throws Exception {
        String domain = unique("taken") + ".example";
        createCustomer("First", domain);
        long before = count("SELECT count(*) FROM customer");

        postJson("/api/v1/customers", "{\"name\":\"Second\",\"country\":\"SE\",\"domains\":[\"x-" + domain
                + "\",\"" + domain.toUpperCase() + "\"]}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:domain-taken"))
                .andExpect(jsonPath("$.field").value("domains[1]"));
        assertThat(count("SELECT count(*) FROM customer")).isEqualTo(before);
    }

    @Test
    void answersBadInputWithProblemDetailsNamingTheField() throws Exception {
        long before = count("SELECT count(*) FROM customer");
        postJson("/api/v1/customers", "{\"name\":\"X\",\"country\":\"ZZ\",\"domains\":[\"x.example\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("country"));
        postJson("/api/v1/customers", "{\"name\":\"" + "n".repeat(101) + "\",\"country\":\"SE\",\"domains\":[\"y.example\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        // "İ" lower-cases to two characters: the stored search key would overflow.
        postJson("/api/v1/customers", "{\"name\":\"" + "İ".repeat(100) + "\",\"country\":\"SE\",\"domains\":[\"z.example\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        postJson("/api/v1/customers", "{\"name\":\"X\",\"country\":\"SE\",\"domains\":[\"not a domain\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("domains[0]"));
        postJson("/api/v1/customers", "{\"name\":\"X\",\"country\":\"SE\",\"domains\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("domains"));
        postJson("/api/v1/customers", "{\"name\": \"X\", \"domains\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:malformed-request"));
        postJson("/api/v1/customers", "{\"name\":\"X\",\"country\":\"SE\",\"domains\":{\"a\":1}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("domains"));
        mvc.perform(get("/api/v1/customers").param("size", "0").header("Authorization", sales.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/api/v1/customers").param("page", "abc").header("Authorization", sales.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("page"));
        assertThat(count("SELECT count(*) FROM customer")).isEqualTo(before);
    }

    @Test
    void unknownOrMalformedIdsAnswerNotFound() throws Exception {
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID()).header("Authorization", sales.bearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:not-found"));
        mvc.perform(get("/api/v1/customers/not-a-uuid").header("Authorization", sales.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID() + "/subscribedskus")
                        .header("Authorization", sales.bearer()))
                .andExpect(status().isNotFound());
    }

    @Test
    void addsASubscriptionAndShowsItAsASubscribedSku() throws Exception {
        String id = createCustomer("Subs AB", unique("subs") + ".example");
        postJson("/api/v1/customers/" + id + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":10}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/subscriptions/" + E3)));

        mvc.perform(get("/api/v1/customers/" + id + "/subscribedskus").header("Authorization", sales.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCount").value(1))
                .andExpect(jsonPath("$.items[0].skuId").value(E3))
                .andExpect(jsonPath("$.items[0].skuPartNumber").value("SPE_E3"))
                .andExpect(jsonPath("$.items[0].productName").value("Microsoft 365 E3"))
                .andExpect(jsonPath("$.items[0].totalUnits").value(10))
                .andExpect(jsonPath("$.items[0].consumedUnits").value(0))
                .andExpect(jsonPath("$.items[0].availableUnits").value(10))
                .andExpect(jsonPath("$.items[0].servicePlans[0].servicePlanId").exists());

        postJson("/api/v1/customers/" + id + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":1}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:subscription-exists"));
        postJson("/api/v1/customers/" + id + "/subscriptions",
                "{\"skuId\":\"" + UUID.randomUUID() + "\",\"quantity\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:unknown-product"))
                .andExpect(jsonPath("$.field").value("skuId"));
        postJson("/api/v1/customers/" + id + "/subscriptions",
                "{\"skuId\":\"" + EXCHANGE_PLAN_1 + "\",\"quantity\":-1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("quantity"));
        assertThat(count("SELECT count(*) FROM subscription WHERE customer_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void buyMoreRaisesTheSeatCountAndRecordsWhoOrderedHowMany() throws Exception {
        String id = createCustomer("Buyer AB", unique("buy") + ".example");
        postJson("/api/v1/customers/" + id + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":5}")
                .andExpect(status().isCreated());

        postJson("/api/v1/customers/" + id + "/subscriptions/" + E3 + "/orders", "{\"quantity\":3}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.quantityChange").value(3))
                .andExpect(jsonPath("$.previousQuantity").value(5))
                .andExpect(jsonPath("$.newQuantity").value(8))
                .andExpect(jsonPath("$.orderedBy").value(sales.agent().email()))
                .andExpect(jsonPath("$.orderedAt").exists());

        mvc.perform(get("/api/v1/customers/" + id + "/subscribedskus/" + E3).header("Authorization", sales.bearer()))
                .andExpect(jsonPath("$.totalUnits").value(8));
        postJson("/api/v1/customers/" + id + "/subscriptions/" + E3 + "/orders", "{\"quantity\":-2}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("quantity"));
        postJson("/api/v1/customers/" + id + "/subscriptions/" + E3 + "/orders", "{\"quantity\":\"many\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("quantity"));
        postJson("/api/v1/customers/" + id + "/subscriptions/" + E3 + "/orders", "{\"quantity\":99999999999}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("quantity"));
        postJson("/api/v1/customers/" + id + "/subscriptions/" + EXCHANGE_PLAN_1 + "/orders", "{\"quantity\":1}")
                .andExpect(status().isNotFound());
        assertThat(count("SELECT quantity FROM subscription WHERE customer_id = ?", UUID.fromString(id)))
                .isEqualTo(8);
        assertThat(count("SELECT count(*) FROM subscription_order WHERE customer_id = ?", UUID.fromString(id)))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action = "
                + "'subscription.seats-changed' AND actor = ?", UUID.fromString(id), sales.agent().email()))
                .isEqualTo(1);
    }

    @Test
    void refusesToLowerSeatsBelowTheAssignedCount() throws Exception {
        String id = createCustomer("Lower AB", unique("lower") + ".example");
        postJson("/api/v1/customers/" + id + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":10}")
                .andExpect(status().isCreated());
        // Seats taken as the licensing engine will take them: the pool's assigned counter.
        jdbc.sql("UPDATE subscription SET assigned = 6 WHERE customer_id = ?").param(UUID.fromString(id)).update();

        mvc.perform(patch("/api/v1/customers/" + id + "/subscriptions/" + E3).header("Authorization", sales.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":5}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:below-assigned"))
                .andExpect(jsonPath("$.field").value("quantity"))
                .andExpect(jsonPath("$.assigned").value(6));
        mvc.perform(patch("/api/v1/customers/" + id + "/subscriptions/" + E3).header("Authorization", sales.bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\":6}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalUnits").value(6))
                .andExpect(jsonPath("$.availableUnits").value(0));
        assertThat(count("SELECT count(*) FROM subscription_order WHERE customer_id = ?", UUID.fromString(id)))
                .isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesMoreAssignedSeatsThanPurchased() {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO customer (id, name, name_key, country, created_at) VALUES (?, 'C', 'c', 'SE', CURRENT_TIMESTAMP)")
                .param(UUID.fromString(id)).update();
        jdbc.sql("INSERT INTO subscription (customer_id, sku_id, quantity, assigned, created_at) "
                        + "VALUES (?, ?, 2, 0, CURRENT_TIMESTAMP)")
                .param(UUID.fromString(id)).param(UUID.fromString(E3)).update();
        int taken = jdbc.sql("UPDATE subscription SET assigned = assigned + :n WHERE customer_id = :c "
                        + "AND assigned + :n <= quantity")
                .param("n", 3).param("c", UUID.fromString(id)).update();
        assertThat(taken).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "UPDATE subscription SET assigned = 3 WHERE customer_id = ?").param(UUID.fromString(id)).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }
}
