package io.seatwise.provisioning;

import java.util.UUID;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.shared.BearerSecrets;
import io.seatwise.users.DirectoryRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SCIM provisioning tokens: who makes them for which customer, shown once and stored hashed, and what they open
 * (their own customer's {@code /scim/v2}, nothing else; nothing else opens it).
 */
abstract class ScimTokensTests extends ApiTestSupport {

    @Autowired
    TestCustomerUsers customerUsers;

    Signed admin;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        admin = agents.create(Role.ADMIN);
        tenant = customerUsers.tenant(5);
    }

    String url(Tenant t) {
        return "/api/v1/customers/" + t.id() + "/scimtokens";
    }

    ResultActions create(String bearer, Tenant t, String name) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url(t))
                .header("Authorization", bearer).contentType("application/json")
                .content("{\"name\":\"" + name + "\"}"));
    }

    String token(Tenant t) throws Exception {
        return read(create(admin.bearer(), t, unique("Entra ")).andExpect(status().isCreated()), "$.token");
    }

    ResultActions scim(String token, String path) throws Exception {
        return mvc.perform(get("/scim/v2" + path).header("Authorization", "Bearer " + token));
    }

    static void isScimError(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith("application/scim+json"))
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:Error"))
                .andExpect(jsonPath("$.status").value(Integer.toString(status)));
    }

    @Test
    void anAdminAgentCreatesListsAndRevokesATokenThatIsStoredHashed() throws Exception {
        String name = unique("Entra ");
        var created = create(admin.bearer(), tenant, name).andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith(url(tenant) + "/")))
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.token").value(startsWith("swscim_")))
                .andExpect(jsonPath("$.createdBy").value(admin.email()));
        String token = read(created, "$.token");
        String id = read(created, "$.id");

        // only the hash is in the database
        assertThat(count("SELECT count(*) FROM scim_token WHERE token_hash = ? AND customer_id = ?",
                BearerSecrets.hash(token), tenant.id().value())).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM scim_token WHERE token_hash = ? OR token_prefix = ? OR name = ?",
                token, token, token)).isZero();

        // listed without its secret, never used yet
        getAs(admin, url(tenant)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].name").value(hasItem(name)))
                .andExpect(jsonPath("$[0].token").doesNotExist())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].lastUsedAt").value(hasItem((Object) null)));

        // it opens /scim/v2 and its use is recorded
        scim(token, "/ServiceProviderConfig").andExpect(status().isOk());
        assertThat(count("SELECT count(*) FROM scim_token WHERE id = ? AND last_used_at IS NOT NULL",
                UUID.fromString(id))).isEqualTo(1);

        // the activity log has both
        mvc.perform(delete(url(tenant) + "/" + id).header("Authorization", admin.bearer()))
                .andExpect(status().isNoContent());
        assertThat(count("SELECT count(*) FROM activity_log WHERE customer_id = ? AND action IN"
                + " ('scimtoken.created', 'scimtoken.revoked')", tenant.id().value())).isEqualTo(2);

        // revoked: 401, and revoking again is a conflict
        isScimError(scim(token, "/ServiceProviderConfig"), 401);
        mvc.perform(delete(url(tenant) + "/" + id).header("Authorization", admin.bearer()))
                .andExpect(problem(409, "token-revoked"));
    }

    @Test
    void helpdeskMayNotAndTheCustomersGlobalAdminMayOnlyForItsOwnCustomer() throws Exception {
        Signed helpdesk = agents.create(Role.HELPDESK);
        create(helpdesk.bearer(), tenant, "x").andExpect(status().isForbidden());
        getAs(helpdesk, url(tenant)).andExpect(status().isForbidden());

        Signed sales = agents.create(Role.SALES);
        create(sales.bearer(), tenant, unique("okta ")).andExpect(status().isCreated());

        Member global = customerUsers.create(tenant, DirectoryRole.GLOBAL_ADMIN);
        create(global.bearer(), tenant, unique("okta ")).andExpect(status().isCreated());
        mvc.perform(get(url(tenant)).header("Authorization", global.bearer())).andExpect(status().isOk());

        Tenant other = customerUsers.tenant(1);
        create(global.bearer(), other, "x").andExpect(status().isNotFound());

        Member userAdmin = customerUsers.create(tenant, DirectoryRole.USER_ADMIN);
        create(userAdmin.bearer(), tenant, "x").andExpect(status().isForbidden());
    }

    @Test
    void aScimTokenOpensOnlyScimAndOnlyScimTokensOpenIt() throws Exception {
        String token = token(tenant);
        // an API token, no token, a made-up one: 401 as SCIM errors
        isScimError(mvc.perform(get("/scim/v2/Schemas").header("Authorization", admin.bearer())), 401);
        isScimError(mvc.perform(get("/scim/v2/Schemas")), 401);
        isScimError(scim(ScimTokens.PREFIX + "made-up", "/Schemas"), 401);
        // the SCIM token does not open the API or the console
        mvc.perform(get("/api/v1/customers").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/customers/" + tenant.id() + "/scimtokens").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/customers").header("Authorization", "Bearer " + token))
                .andExpect(status().is3xxRedirection());
        // another customer's admin does not see this customer's tokens
        Tenant other = customerUsers.tenant(1);
        Member otherAdmin = customerUsers.create(other, DirectoryRole.GLOBAL_ADMIN);
        mvc.perform(get(url(tenant)).header("Authorization", otherAdmin.bearer())).andExpect(status().isNotFound());
        // and the rate limit headers are there
        scim(token, "/ResourceTypes").andExpect(status().isOk()).andExpect(header().exists("RateLimit-Limit"))
                .andExpect(header().exists("RateLimit-Remaining"));
    }

    @Test
    void theRequestCarriesTheTokensCustomer() throws Exception {
        Tenant other = customerUsers.tenant(1);
        String mine = token(tenant);
        String theirs = token(other);
        assertThat(principal(mine).customerId()).isEqualTo(tenant.id());
        assertThat(principal(theirs).customerId()).isEqualTo(other.id());
    }

    @Autowired
    ScimTokens tokens;

    ScimPrincipal principal(String token) {
        return tokens.authenticate(token).orElseThrow();
    }

    @Test
    void discoveryDescribesUsersWithTheSeatwiseExtensionAndTheProductsOnOffer() throws Exception {
        String token = token(tenant);
        scim(token, "/ServiceProviderConfig").andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/scim+json"))
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"))
                .andExpect(jsonPath("$.patch.supported").value(true))
                .andExpect(jsonPath("$.bulk.supported").value(false))
                .andExpect(jsonPath("$.filter.supported").value(true))
                .andExpect(jsonPath("$.authenticationSchemes[0].type").value("oauthbearertoken"));
        scim(token, "/ResourceTypes").andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/scim+json"))
                .andExpect(jsonPath("$.totalResults").value(3))
                .andExpect(jsonPath("$.Resources[*].id").value(org.hamcrest.Matchers.contains("User", "Role",
                        "Entitlement")))
                .andExpect(jsonPath("$.Resources[0].id").value("User"))
                .andExpect(jsonPath("$.Resources[0].endpoint").value("/Users"))
                .andExpect(jsonPath("$.Resources[0].schemaExtensions[*].schema").value(
                        org.hamcrest.Matchers.containsInAnyOrder("urn:ietf:params:scim:schemas:extension:seatwise:2.0:User",
                                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")));
        scim(token, "/Schemas").andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/scim+json"))
                .andExpect(jsonPath("$.totalResults").value(5))
                .andExpect(jsonPath("$.Resources[0].id").value("urn:ietf:params:scim:schemas:core:2.0:User"))
                .andExpect(jsonPath("$.Resources[0].attributes[*].name").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "userName", "name", "displayName", "nickName", "title", "userType", "active", "emails",
                        "externalId", "preferredLanguage", "addresses", "roles", "entitlements")))
                .andExpect(jsonPath("$.Resources[0].attributes[?(@.name == 'name')].subAttributes[*].name")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("givenName", "familyName", "formatted",
                                "middleName", "honorificPrefix", "honorificSuffix")))
                .andExpect(jsonPath("$.Resources[0].attributes[?(@.name == 'userName')].caseExact").value(hasItem(false)))
                .andExpect(jsonPath("$.Resources[?(@.id == 'urn:ietf:params:scim:schemas:extension:seatwise:2.0:User')]"
                        + ".attributes[*].name").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "usageLocation", "licenses", "licenseErrors")))
                .andExpect(jsonPath("$.Resources[?(@.id == 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User')]"
                        + ".attributes[*].name").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "employeeNumber", "costCenter", "organization", "division", "department", "manager")));
        scim(token, "/Schemas/urn:ietf:params:scim:schemas:extension:seatwise:2.0:User").andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Seatwise User"));
        isScimError(scim(token, "/Groups?startIndex=1&count=100"), 404);
        scim(token, "/Groups").andExpect(jsonPath("$.detail").value(startsWith("Groups are not offered")));
        isScimError(scim(token, "/ResourceTypes/Group"), 404);
    }
}
