package io.seatwise.provisioning;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A customer with a SCIM token (made by an admin agent through the API, as an agent would) and calls with it. */
abstract class ScimUsersTestSupport extends ApiTestSupport {

    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String SEATWISE = "urn:ietf:params:scim:schemas:extension:seatwise:2.0:User";
    static final String SCIM_JSON = "application/scim+json";

    @Autowired
    TestCustomerUsers customerUsers;

    Signed admin;
    Tenant tenant;
    String tokenName;
    String token;

    @BeforeEach
    void tokenOfANewCustomer() throws Exception {
        admin = agents.create(Role.ADMIN);
        tenant = customerUsers.tenant(5);
        tokenName = unique("Entra ");
        token = tokenOf(tenant, tokenName);
    }

    String tokenOf(Tenant t, String name) throws Exception {
        return read(mvc.perform(post("/api/v1/customers/" + t.id() + "/scimtokens")
                .header("Authorization", admin.bearer()).contentType("application/json")
                .content("{\"name\":\"" + name + "\"}")).andExpect(status().isCreated()), "$.token");
    }

    MockHttpServletRequestBuilder call(HttpMethod method, String path) {
        return request(method, java.net.URI.create("/scim/v2" + path)).header("Authorization", "Bearer " + token);
    }

    ResultActions send(HttpMethod method, String path, String body) throws Exception {
        return mvc.perform(call(method, path).contentType(SCIM_JSON).content(body));
    }

    ResultActions get(String path) throws Exception {
        return mvc.perform(call(HttpMethod.GET, path));
    }

    /** A user resource as Entra sends it on create. */
    String user(String localPart, String externalId) {
        return """
                {"schemas":["%s","%s"],
                 "externalId":"%s","userName":"%s@%s","active":true,"displayName":"Ann Lee",
                 "name":{"givenName":"Ann","familyName":"Lee","formatted":"Ann Lee"},
                 "emails":[{"primary":true,"type":"work","value":"%s@%s"}],
                 "preferredLanguage":"sv-SE",
                 "addresses":[{"type":"work","country":"NO"}],
                 "%s":{"usageLocation":"DK"}}
                """.formatted(CORE, SEATWISE, externalId, localPart, tenant.domain(), localPart, tenant.domain(),
                SEATWISE);
    }

    /** Creates a user from {@link #user} and answers its id. */
    String created(String localPart, String externalId) throws Exception {
        return read(send(HttpMethod.POST, "/Users", user(localPart, externalId)).andExpect(status().isCreated()),
                "$.id");
    }

    /** A SCIM error of this status and scimType (null: none). */
    static ResultMatcher scimError(int status, String scimType) {
        return result -> {
            status().is(status).match(result);
            content().contentTypeCompatibleWith(SCIM_JSON).match(result);
            jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:Error").match(result);
            jsonPath("$.status").value(Integer.toString(status)).match(result);
            if (scimType == null) {
                jsonPath("$.scimType").doesNotExist().match(result);
            } else {
                jsonPath("$.scimType").value(scimType).match(result);
            }
        };
    }
}
