package io.seatwise.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Issue 14 point 5: the request sequences Entra ID and Okta send, with their documented literal bodies, through the
 * real {@code /scim/v2/Users} endpoints, asserting on the responses and on the user as the users module keeps it.
 * The user names and emails of the documented bodies are moved into the test customer's domain (Seatwise takes only
 * user names in one of the customer's domains); everything else is as documented.
 */
abstract class ScimClientQuirksTests extends ApiTestSupport {

    static final String SCIM_JSON = "application/scim+json";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    ScimTokens tokens;
    @Autowired
    UsersService users;

    Signed admin;
    Tenant tenant;
    String token;

    @BeforeEach
    void customerWithAScimToken() {
        admin = agents.create(Role.ADMIN);
        tenant = customerUsers.tenant(5);
        token = agents.as(admin, () -> tokens.create(tenant.id(), unique("IdP "))).token();
    }

    ResultActions send(HttpMethod method, String pathAndQuery, String body) throws Exception {
        var request = MockMvcRequestBuilders.request(method, URI.create("/scim/v2" + pathAndQuery))
                .header("Authorization", "Bearer " + token);
        return mvc.perform(body == null ? request : request.contentType(SCIM_JSON).content(body));
    }

    /** A GET with a query written as the client writes it (spaces and quotes percent-encoded). */
    ResultActions get(String pathAndQuery) throws Exception {
        return send(HttpMethod.GET, pathAndQuery, null);
    }

    static String encoded(String filter) {
        return java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    User stored(String id) {
        return agents.as(admin, () -> users.get(tenant.id(), new UserId(UUID.fromString(id))));
    }

    /** Answers 200 with a SCIM body. */
    static ResultActions ok(ResultActions result) throws Exception {
        return result.andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(SCIM_JSON));
    }

    @Test
    void entraIdProvisionsUpdatesAndDisablesAUser() throws Exception {
        String userName = "Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee@" + tenant.domain();
        String filter = "/Users?filter=" + encoded("userName eq \"" + userName + "\"");
        // Microsoft Learn, "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID",
        // "Get User by query - Zero results": 200 with totalResults 0, not 404
        ok(get(filter)).andExpect(jsonPath("$.schemas[0]").value(LIST_RESPONSE))
                .andExpect(jsonPath("$.totalResults").value(0));

        // Same tutorial, "Create User", request (user name and email in the customer's domain)
        String id = read(send(HttpMethod.POST, "/Users", """
                {
                    "schemas": [
                        "urn:ietf:params:scim:schemas:core:2.0:User",
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                    "externalId": "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                    "userName": "%s",
                    "active": true,
                    "emails": [{
                        "primary": true,
                        "type": "work",
                        "value": "Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@%s"
                    }],
                    "meta": {
                        "resourceType": "User"
                    },
                    "name": {
                        "formatted": "givenName familyName",
                        "familyName": "familyName",
                        "givenName": "givenName"
                    },
                    "roles": []
                }
                """.formatted(userName, tenant.domain())).andExpect(status().isCreated()), "$.id");
        assertThat(stored(id).externalId()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
        assertThat(stored(id).lastName()).isEqualTo("familyName");

        // Same tutorial, "Update User [Multi-valued properties]", request: capitalised ops
        ok(send(HttpMethod.PATCH, "/Users/" + id, """
                {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [
                            {
                            "op": "Replace",
                            "path": "emails[type eq \\"work\\"].value",
                            "value": "updatedEmail@microsoft.com"
                            },
                            {
                            "op": "Replace",
                            "path": "name.familyName",
                            "value": "updatedFamilyName"
                            }
                    ]
                }
                """)).andExpect(jsonPath("$.name.familyName").value("updatedFamilyName"));
        assertThat(stored(id).lastName()).isEqualTo("updatedFamilyName");

        // Microsoft Learn, "Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra
        // user provisioning service", "Requests to replace multiple attributes", with feature flag: path-less
        // replace whose keys are attribute paths (and, for Seatwise's extension, a URN-qualified key like theirs)
        ok(send(HttpMethod.PATCH, "/Users/" + id, """
                {
                  "schemas": [
                      "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                  ],
                  "Operations": [
                      {
                          "op": "replace",
                          "path": "emails[type eq \\"work\\"].value",
                          "value": "TestMhvaes@test.microsoft.com"
                      },
                      {
                          "op": "replace",
                          "value": {
                              "displayName": "Bjfe",
                              "name.givenName": "Kkom",
                              "name.familyName": "Unua",
                              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber": "Aklq"
                          }
                      },
                      {
                          "op": "Replace",
                          "value": {
                              "urn:ietf:params:scim:schemas:extension:seatwise:2.0:User:usageLocation": "NO"
                          }
                      }
                  ]
                }
                """)).andExpect(jsonPath("$.displayName").value("Bjfe"))
                .andExpect(jsonPath("$.name.givenName").value("Kkom"));
        User renamed = stored(id);
        assertThat(renamed.firstName()).isEqualTo("Kkom");
        assertThat(renamed.lastName()).isEqualTo("Unua");
        assertThat(renamed.displayName()).isEqualTo("Bjfe");
        assertThat(renamed.usageLocation()).isEqualTo("NO");
        assertThat(renamed.signInBlocked()).isFalse();

        // Known issues page, "Requests made to disable users", without feature flag: "value": "False", a string
        ok(send(HttpMethod.PATCH, "/Users/" + id, """
                {
                  "schemas": [
                      "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                  ],
                  "Operations": [
                      {
                          "op": "Replace",
                          "path": "active",
                          "value": "False"
                      }
                  ]
                }
                """)).andExpect(jsonPath("$.active").value(false));
        assertThat(stored(id).signInBlocked()).isTrue();
        assertThat(stored(id).deletedAt()).isNull();

        // A deactivated user is still returned, by id and by the filter Entra looks users up with
        ok(get("/Users/" + id)).andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.active").value(false));
        ok(get(filter)).andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(id))
                .andExpect(jsonPath("$.Resources[0].active").value(false))
                .andExpect(jsonPath("$.Resources[0].name.familyName").value("Unua"));

        // Same tutorial, "Disable User" (boolean, as with the aadOptscim062020 flag) and enabling again as a string
        ok(send(HttpMethod.PATCH, "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"True"}]}
                """)).andExpect(jsonPath("$.active").value(true));
        assertThat(stored(id).signInBlocked()).isFalse();
        ok(send(HttpMethod.PATCH, "/Users/" + id, """
                {
                    "Operations": [
                        {
                            "op": "Replace",
                            "path": "active",
                            "value": false
                        }
                    ],
                    "schemas": [
                        "urn:ietf:params:scim:api:messages:2.0:PatchOp"
                    ]
                }
                """)).andExpect(jsonPath("$.active").value(false));
        assertThat(stored(id).signInBlocked()).isTrue();
    }

    @Test
    void oktaTestsTheConnectionProvisionsReplacesAndDeactivatesAUser() throws Exception {
        // Okta, "SCIM 2.0 protocol" reference: "Test connection" asks for two users (interop.md)
        ok(get("/Users?startIndex=1&count=2")).andExpect(jsonPath("$.schemas[0]").value(LIST_RESPONSE))
                .andExpect(jsonPath("$.startIndex").value(1))
                .andExpect(jsonPath("$.totalResults").value(0));

        String userName = "test.user@" + tenant.domain();
        // Okta reference, "Determine if the User already exists": the request's own query string
        String exists = "/Users?filter=userName%20eq%20%22test.user%40" + tenant.domain() + "%22&startIndex=1&count=100";
        ok(get(exists)).andExpect(jsonPath("$.totalResults").value(0));

        // Okta reference, "Create the User", request (user name and email in the customer's domain)
        String id = read(send(HttpMethod.POST, "/Users", """
                {
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "userName": "%s",
                    "name": {
                        "givenName": "Test",
                        "familyName": "User"
                    },
                    "emails": [{
                        "primary": true,
                        "value": "%s",
                        "type": "work"
                    }],
                    "displayName": "Test User",
                    "locale": "en-US",
                    "externalId": "00ujl29u0le5T6Aj10h7",
                    "groups": [],
                    "password": "1mz050nq",
                    "active": true
                }
                """.formatted(userName, userName)).andExpect(status().isCreated()), "$.id");
        assertThat(stored(id).firstName()).isEqualTo("Test");
        assertThat(stored(id).externalId()).isEqualTo("00ujl29u0le5T6Aj10h7");
        ok(get(exists)).andExpect(jsonPath("$.totalResults").value(1)).andExpect(jsonPath("$.Resources[0].id").value(id));
        ok(get("/Users?startIndex=1&count=2")).andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.itemsPerPage").value(1));

        // Okta reference, "Update the User" (PUT of the whole user, the id as Seatwise gave it)
        ok(send(HttpMethod.PUT, "/Users/" + id, """
                {
                    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                    "id": "%s",
                    "userName": "%s",
                    "name": {
                        "givenName": "Another",
                        "middleName": "Excited",
                        "familyName": "User"
                    },
                    "emails": [{
                        "primary": true,
                        "value": "%s",
                        "type": "work",
                        "display": "%s"
                    }],
                    "active": true,
                    "groups": [],
                    "meta": {
                        "resourceType": "User"
                    }
                }
                """.formatted(id, userName, userName, userName))).andExpect(jsonPath("$.name.givenName").value("Another"));
        assertThat(stored(id).firstName()).isEqualTo("Another");
        assertThat(stored(id).signInBlocked()).isFalse();

        // Okta reference, "Update a specific User (PATCH)": "When a user is deactivated, Okta sends this request"
        ok(send(HttpMethod.PATCH, "/Users/" + id, """
                {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [{
                        "op": "replace",
                        "value": {
                            "active": false
                        }
                    }]
                }
                """)).andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.name.givenName").value("Another"));
        User deactivated = stored(id);
        assertThat(deactivated.signInBlocked()).isTrue();
        assertThat(deactivated.deletedAt()).isNull();
        assertThat(deactivated.firstName()).isEqualTo("Another");

        // "A deactivated user must still answer 200" (Okta), and its existence check still finds it
        ok(get("/Users/" + id)).andExpect(jsonPath("$.active").value(false));
        ok(get(exists)).andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].active").value(false));
    }
}
