package io.seatwise.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shipped catalog (Microsoft's public list) and its rules, as loaded at start-up; run on H2 and PostgreSQL. */
abstract class CatalogLoaderTests extends ApiTestSupport {

    static final List<String> CALLING_PLAN_COUNTRIES = List.of("US", "PR", "CA", "GB", "IE", "FR", "DE", "ES", "IT",
            "NL", "BE", "AT", "CH", "DK", "SE", "NO", "FI", "PL", "CZ", "HU", "SK", "SI", "HR", "RO", "BG", "PT", "LU",
            "EE", "LV", "LT", "AU", "NZ", "JP", "SG");
    static final List<String> TABLES = List.of("product", "service_plan", "product_service_plan", "plan_exclusion",
            "plan_dependency", "product_country_rule");

    @Autowired
    CatalogLoader loader;

    static CatalogProperties shipped() {
        return new CatalogProperties(new ClassPathResource("catalog/products.csv"),
                new ClassPathResource("catalog/product_service_plans.csv"),
                new ClassPathResource("catalog/mutually_exclusive_plans.csv"), new ClassPathResource("catalog/rules.csv"));
    }

    Map<String, Long> tableCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, count("SELECT count(*) FROM " + t)));
        return counts;
    }

    @Test
    void theShippedCatalogIsLoadedWithAllItsProductsAndExclusions() {
        CatalogData shipped = CatalogFiles.read(shipped());

        assertThat(shipped.products()).hasSize(610);
        assertThat(shipped.exclusions()).hasSize(39);
        long stored = shipped.products().stream().filter(p -> count(
                "SELECT count(*) FROM product WHERE sku_id = ? AND sku_part_number = ? AND product_name = ?",
                p.skuId().value(), p.skuPartNumber(), p.productName()) == 1).count();
        assertThat(stored).isEqualTo(610);
        assertThat(count("SELECT count(*) FROM product")).isEqualTo(610);
        assertThat(count("SELECT count(*) FROM plan_exclusion")).isEqualTo(39);
        assertThat(count("SELECT count(*) FROM product_service_plan")).isEqualTo(shipped.productPlans().size());
        assertThat(count("SELECT count(*) FROM service_plan")).isEqualTo(shipped.plans().size());
        assertThat(count("SELECT count(DISTINCT group_no) FROM plan_exclusion")).isGreaterThan(1);
    }

    @Test
    void callingPlansAreOfferedOnlyInTheListedCountries() {
        List<String> countries = jdbc.sql("""
                SELECT r.country FROM product_country_rule r JOIN product p ON p.sku_id = r.sku_id
                WHERE p.sku_part_number = 'MCOPSTN1' AND r.offered ORDER BY r.country
                """).query(String.class).list();

        assertThat(countries).containsExactlyInAnyOrderElementsOf(CALLING_PLAN_COUNTRIES).doesNotContain("IN", "CN");
        assertThat(count("""
                SELECT count(*) FROM product_country_rule r JOIN product p ON p.sku_id = r.sku_id
                WHERE p.sku_part_number = 'MCOPSTN1' AND NOT r.offered
                """)).isZero();
        assertThat(jdbc.sql("""
                SELECT r.country FROM product_country_rule r JOIN product p ON p.sku_id = r.sku_id
                WHERE p.sku_part_number = 'MCOMEETADV' AND NOT r.offered ORDER BY r.country
                """).query(String.class).list()).containsExactly("CN", "IN");
        assertThat(count("SELECT count(*) FROM product_country_rule")).isEqualTo(73);
    }

    @Test
    void aCallingPlanNeedsTeamsPhone() {
        List<String> required = jdbc.sql("""
                SELECT DISTINCT q.name FROM plan_dependency d
                JOIN service_plan p ON p.service_plan_id = d.service_plan_id
                JOIN service_plan q ON q.service_plan_id = d.required_service_plan_id
                WHERE p.name = 'MCOPSTN1' ORDER BY q.name
                """).query(String.class).list();

        assertThat(required).containsExactly("MCOEV", "MCOEV_VIRTUALUSER");
        assertThat(count("""
                SELECT count(*) FROM plan_dependency d JOIN service_plan p ON p.service_plan_id = d.service_plan_id
                WHERE p.name = 'EXCHANGE_S_ARCHIVE_ADDON'
                """)).isEqualTo(3);
    }

    @Test
    void loadingAgainAddsNoDuplicatesAndKeepsSubscriptions() throws Exception {
        // Given the loaded catalog and a customer subscribed to one of its products
        Signed sales = agents.create(Role.SALES);
        String customer = createCustomer(sales, "SE", unique("catalog") + ".example");
        postAs(sales, "/api/v1/customers/" + customer + "/subscriptions", "{\"skuId\":\"" + E3 + "\",\"quantity\":2}")
                .andExpect(status().isCreated());
        Map<String, Long> before = tableCounts();

        // When the loader runs again (as on every start)
        loader.run(null);
        loader.run(null);

        // Then nothing is duplicated and the subscription still stands
        assertThat(tableCounts()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM subscription WHERE customer_id = ? AND sku_id = ?",
                UUID.fromString(customer), UUID.fromString(E3))).isEqualTo(1);
        getAs(sales, "/api/v1/customers/" + customer + "/subscribedskus").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].skuPartNumber").value("SPE_E3"));
    }

    @Test
    void everyAgentCanSearchTheCatalog() throws Exception {
        Signed helpdesk = agents.create(Role.HELPDESK);

        getAs(helpdesk, "/api/v1/products?search=mcopstn1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].skuPartNumber").value(hasItem("MCOPSTN1")));
        getAs(helpdesk, "/api/v1/products?size=1")
                .andExpect(jsonPath("$.totalCount").value(610))
                .andExpect(jsonPath("$.size").value(1));
        getAs(helpdesk, "/api/v1/products/" + E3)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skuPartNumber").value("SPE_E3"))
                .andExpect(jsonPath("$.servicePlans[*].servicePlanName").value(hasItem("EXCHANGE_S_ENTERPRISE")));
        getAs(helpdesk, "/api/v1/products/" + UUID.randomUUID()).andExpect(problem(404, "not-found"));
    }

    @Test
    void catalogSearchTakesWildcardCharactersLiterally() throws Exception {
        Signed helpdesk = agents.create(Role.HELPDESK);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/products")
                        .param("search", "%").header("Authorization", helpdesk.bearer()))
                .andExpect(jsonPath("$.totalCount").value(0));
        getAs(helpdesk, "/api/v1/products?search=SPE_E3")
                .andExpect(jsonPath("$.items[*].skuPartNumber").value(hasItem("SPE_E3")));
        long underscoreAsAnyCharacter = count("SELECT count(*) FROM product WHERE lower(sku_part_number) LIKE '%e_3%' "
                + "OR lower(product_name) LIKE '%e_3%'");
        long literal = count("SELECT count(*) FROM product WHERE lower(sku_part_number) LIKE '%e\\_3%' ESCAPE '\\' "
                + "OR lower(product_name) LIKE '%e\\_3%' ESCAPE '\\'");
        getAs(helpdesk, "/api/v1/products?search=E_3&size=500").andExpect(jsonPath("$.totalCount").value((int) literal));
        assertThat(underscoreAsAnyCharacter).isGreaterThan(literal);
    }
}
