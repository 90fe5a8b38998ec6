package io.seatwise.provisioning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.catalog.CatalogService;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.provisioning.ScimLicenses.Wanted;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.seatwise.licensing.LicensingFixture.AUDIO_CONFERENCING;
import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the web shows of licenses through provisioning: {@code /Roles}, {@code /Entitlements} and the schemas list
 * the token's customer's products only; the Provisioning tab lists the licenses provisioning could not give.
 */
abstract class ScimLicensesWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    LicensingFixture fixture;
    @Autowired
    ScimTokens tokens;
    @Autowired
    ScimLicenses licenses;
    @Autowired
    CatalogService catalog;
    @Autowired
    ConsoleFixtures console;
    @Autowired
    JdbcClient jdbc;

    String token(Tenant t) {
        return SystemActor.call(() -> tokens.create(t.id(), "Entra ID")).token();
    }

    ResultActions scim(String token, String path) throws Exception {
        return mvc.perform(get("/scim/v2" + path).header("Authorization", "Bearer " + token));
    }

    String partNumber(io.seatwise.catalog.SkuId sku) {
        return catalog.rules().partNumber(sku);
    }

    @Test
    void rolesAndEntitlementsAreTheTokensCustomersProductsOnly() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 5, AUDIO_CONFERENCING, 3);
        fixture.tenant("SE", EXCHANGE_PLAN_1, 7);
        String token = token(t);
        List<String> mine = List.of(partNumber(AUDIO_CONFERENCING), partNumber(E3)).stream()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();

        for (String path : List.of("/Roles", "/Entitlements")) {
            scim(token, path).andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("application/scim+json"))
                    .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                    .andExpect(jsonPath("$.totalResults").value(2))
                    .andExpect(jsonPath("$.Resources[*].value").value(contains(mine.toArray())))
                    .andExpect(jsonPath("$.Resources[?(@.value == '" + partNumber(E3) + "')].display")
                            .value(hasItem(catalog.rules().productName(E3))))
                    .andExpect(jsonPath("$.Resources[?(@.value == '" + partNumber(E3) + "')].skuId")
                            .value(hasItem(E3.toString())))
                    .andExpect(jsonPath("$.Resources[?(@.value == '" + partNumber(E3) + "')].totalAssignmentsPermitted")
                            .value(hasItem(5)))
                    .andExpect(jsonPath("$.Resources[*].type").value(contains("product", "product")))
                    .andExpect(jsonPath("$.Resources[*].primary").value(contains(false, false)));
        }
        scim(token, "/Roles").andExpect(jsonPath("$.Resources[0].schemas[0]")
                .value("urn:ietf:params:scim:schemas:core:2.0:Role"));
        scim(token, "/Entitlements").andExpect(jsonPath("$.Resources[0].schemas[0]")
                .value("urn:ietf:params:scim:schemas:core:2.0:Entitlement"));
        scim(token, "/Roles/" + E3).andExpect(status().isOk()).andExpect(jsonPath("$.value").value(partNumber(E3)));
        scim(token, "/Entitlements/" + partNumber(E3).toLowerCase()).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(E3.toString()));
        scim(token, "/Roles/" + EXCHANGE_PLAN_1).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/scim+json"))
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:Error"));
        mvc.perform(get("/scim/v2/Roles")).andExpect(status().isUnauthorized());
    }

    @Test
    void resourceTypesAndSchemasDescribeTheRolesOnOffer() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 5);
        fixture.tenant("SE", EXCHANGE_PLAN_1, 7);
        String token = token(t);

        scim(token, "/ResourceTypes/Role").andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoint").value("/Roles"))
                .andExpect(jsonPath("$.schema").value("urn:ietf:params:scim:schemas:core:2.0:Role"));
        scim(token, "/ResourceTypes/Entitlement").andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoint").value("/Entitlements"));
        String user = "$.Resources[?(@.id == 'urn:ietf:params:scim:schemas:core:2.0:User')]";
        scim(token, "/Schemas").andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/scim+json"))
                .andExpect(jsonPath(user + ".attributes[?(@.name == 'roles')].subAttributes[?(@.name == 'value')]"
                        + ".canonicalValues[*]").value(contains(partNumber(E3))))
                .andExpect(jsonPath(user + ".attributes[?(@.name == 'entitlements')].subAttributes[?(@.name == "
                        + "'value')].canonicalValues[*]").value(contains(partNumber(E3))))
                .andExpect(jsonPath("$.Resources[*].id").value(hasItem(
                        "urn:ietf:params:scim:schemas:core:2.0:Entitlement")));
        scim(token, "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Role").andExpect(status().isOk())
                .andExpect(jsonPath("$.attributes[*].name").value(hasItem("totalAssignmentsPermitted")));
        scim(token, "/ServiceProviderConfig")
                .andExpect(jsonPath("$.RolesAndEntitlements.roles.supported").value(true))
                .andExpect(jsonPath("$.RolesAndEntitlements.entitlements.supported").value(true));
    }

    @Test
    void theProvisioningTabListsTheLicensesProvisioningCouldNotGiveNewestFirst() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 1);
        UserId first = t.user("SE");
        UserId second = t.user("SE");
        String page = "/customers/" + t.id() + "/provisioning";
        var agent = console.as(Role.SALES);
        mvc.perform(get(page).with(agent)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Licenses provisioning could not give"),
                        containsString("Provisioning has given every license asked for."))));

        asToken(t, () -> licenses.apply(t.id(), first, List.of(new Wanted(partNumber(E3), List.of()))));
        asToken(t, () -> licenses.apply(t.id(), second, List.of(new Wanted(partNumber(E3), List.of()),
                new Wanted("NOT_A_PRODUCT", List.of()))));

        String html = mvc.perform(get(page).with(agent)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"scim-license-errors\""),
                        containsString("user2@" + t.domain()), containsString("NOT_A_PRODUCT"),
                        containsString(">" + partNumber(E3) + "<"), containsString("CountViolation"),
                        not(containsString("user1@" + t.domain())),
                        not(containsString("Provisioning has given every license asked for.")))))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(html.indexOf("NOT_A_PRODUCT"))
                .isLessThan(html.indexOf(">" + partNumber(E3) + "<"));

        // many failures: the newest 50, and how many in all
        List<UserId> many = t.bulkUsers(60, "SE");
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < many.size(); i++) {
            jdbc.sql("INSERT INTO scim_license_error (customer_id, user_id, seq, code, sku_id, product, message,"
                    + " service_plans, products, created_at) VALUES (?, ?, 0, 'CountViolation', NULL, ?, 'none', '',"
                    + " '', ?)").param(t.id().value()).param(many.get(i).value()).param("OLD_" + i)
                    .param(Timestamp.from(old.plusSeconds(i))).update();
        }
        mvc.perform(get(page).with(agent)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The 50 newest of 62 are shown."),
                        containsString("NOT_A_PRODUCT"), containsString("OLD_59"), not(containsString("OLD_11<")))));
        mvc.perform(get(page).with(console.as(Role.HELPDESK))).andExpect(status().isForbidden());
    }

    <T> T asToken(Tenant t, java.util.function.Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ScimTokenFilter.authentication(new ScimPrincipal(t.id(), UUID.randomUUID(),
                "Entra ID")));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
