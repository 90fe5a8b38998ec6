package io.seatwise.provisioning;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SCIM {@code PATCH /Users/{id}} with the bodies Entra ID and Okta send: the operations applied to the current
 * resource ({@link ScimPatch}) and stored as a PUT; on H2 and PostgreSQL.
 */
abstract class ScimUserPatchTests extends ScimUsersTestSupport {

    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    boolean blocked(String id) {
        return jdbc.sql("SELECT sign_in_blocked FROM app_user WHERE id = ?").param(UUID.fromString(id))
                .query(Boolean.class).single();
    }

    @Test
    void entraDisablesWithACapitalisedOpAndAStringFalse() throws Exception {
        String id = created("ann", "ext-ann");
        send(HttpMethod.PATCH, "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false))
                .andExpect(header().exists("ETag"));
        assertThat(blocked(id)).isTrue();
        send(HttpMethod.PATCH, "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"True"}]}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(true));
        assertThat(blocked(id)).isFalse();
    }

    @Test
    void aPathNamingNoAttributeOfTheUsersSchemasIsA400InvalidPathEvenForAnUnknownId() throws Exception {
        String id = created("ann", "ext-ann");
        String unknown = UUID.randomUUID().toString();
        for (String path : java.util.List.of("IllegalPatchSchema",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeNumber",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:Group:employeeNumber",
                "urn:ietf:params:scim:schemas:core:2.0:User:userName.userName", "name.nickName",
                "emails[type eq \\\"work\\\"].country")) {
            for (String op : java.util.List.of("add", "replace", "remove")) {
                String body = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"" + op
                        + "\",\"path\":\"" + path + "\",\"value\":10}]}";
                send(HttpMethod.PATCH, "/Users/" + unknown, body).andExpect(scimError(400, "invalidPath"));
                send(HttpMethod.PATCH, "/Users/" + id, body).andExpect(scimError(400, "invalidPath"));
            }
        }
        // attributes of the schemas that Seatwise does not keep are no error, nor is an unknown id otherwise
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":"
                + "\"replace\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber\","
                + "\"value\":\"42\"}]}").andExpect(status().isOk());
        send(HttpMethod.PATCH, "/Users/" + unknown, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":"
                + "\"replace\",\"path\":\"displayName\",\"value\":\"X\"}]}").andExpect(scimError(404, null));
    }

    @Test
    void entraPathlessReplaceWithDottedKeysAndExtensionUrns() throws Exception {
        String id = created("ann", "ext-ann");
        send(HttpMethod.PATCH, "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","value":{"name.givenName":"Eve","displayName":"Eve Lee",
                   "urn:ietf:params:scim:schemas:extension:seatwise:2.0:User:usageLocation":"FI"}},
                  {"op":"Add","path":"externalId","value":"entra-42"},
                  {"op":"Remove","path":"preferredLanguage"}]}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.name.givenName").value("Eve"))
                .andExpect(jsonPath("$.name.familyName").value("Lee"))
                .andExpect(jsonPath("$.displayName").value("Eve Lee"))
                .andExpect(jsonPath("$.externalId").value("entra-42"))
                .andExpect(jsonPath("$.preferredLanguage").doesNotExist())
                .andExpect(jsonPath("$['" + SEATWISE + "'].usageLocation").value("FI"));
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ? AND first_name = 'Eve' AND usage_location = 'FI'"
                + " AND external_id = 'entra-42' AND preferred_language IS NULL", UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void oktaDeactivatesWithAPathlessReplace() throws Exception {
        String id = created("ann", "ext-ann");
        send(HttpMethod.PATCH, "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        assertThat(blocked(id)).isTrue();
        // a deactivated user still answers 200
        get("/Users/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
    }

    @Test
    void aPatchRenamesWithinTheDomainsAndRefusesOthers() throws Exception {
        String id = created("ann", "ext-ann");
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"userName\",\"value\":\"ann.lee@" + tenant.domain() + "\"}]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.userName").value("ann.lee@" + tenant.domain()));
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"userName\",\"value\":\"ann@elsewhere.example\"}]}")
                .andExpect(scimError(400, "invalidValue"));
    }

    @Test
    void badPatchesAreScimErrorsAndChangeNothing() throws Exception {
        var created = send(HttpMethod.POST, "/Users", user("ann", "ext-ann")).andExpect(status().isCreated());
        String id = read(created, "$.id");
        String version = created.andReturn().getResponse().getHeader("ETag");
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[]}")
                .andExpect(scimError(400, "invalidSyntax"));
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"move\","
                + "\"path\":\"active\",\"value\":false}]}").andExpect(status().isBadRequest());
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"active\",\"value\":\"perhaps\"}]}").andExpect(scimError(400, "invalidValue"));
        send(HttpMethod.PATCH, "/Users/" + id, "{\"Operations\":").andExpect(scimError(400, "invalidSyntax"));
        mvc.perform(call(HttpMethod.PATCH, "/Users/" + id).header("If-Match", "W/\"stale\"").contentType(SCIM_JSON)
                .content("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":"
                        + "{\"active\":false}}]}")).andExpect(scimError(412, null));
        send(HttpMethod.PATCH, "/Users/" + UUID.randomUUID(), "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"value\":{\"active\":false}}]}").andExpect(scimError(404, null));
        get("/Users/" + id).andExpect(header().string("ETag", version));
        assertThat(blocked(id)).isFalse();
    }

    @Test
    void aPatchWithTheCurrentVersionApplies() throws Exception {
        var created = send(HttpMethod.POST, "/Users", user("ann", "ext-ann")).andExpect(status().isCreated());
        String id = read(created, "$.id");
        mvc.perform(call(HttpMethod.PATCH, "/Users/" + id)
                .header("If-Match", created.andReturn().getResponse().getHeader("ETag")).contentType(SCIM_JSON)
                .content("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":"
                        + "\"name.familyName\",\"value\":\"Berg\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name.familyName").value("Berg"));
    }
}
