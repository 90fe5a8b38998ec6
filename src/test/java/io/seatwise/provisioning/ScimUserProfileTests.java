package io.seatwise.provisioning;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.seatwise.support.Polling;
import io.seatwise.users.UserPurge;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The SCIM attributes Seatwise keeps for provisioning only (V26, {@link ScimUserProfile}): userType, title,
 * nickName, the name's middle name and honorifics, the enterprise extension's fields and the emails sent — stored by
 * POST/PUT/PATCH, rendered by GET, cleared by a PUT that leaves them out, filtered on, logged as done by the token,
 * gone with a purged user; on H2 and PostgreSQL.
 */
abstract class ScimUserProfileTests extends ScimUsersTestSupport {

    static final String ENTERPRISE = ScimUserProfile.ENTERPRISE;
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Autowired
    UserPurge purge;

    /** A user with every kept attribute, two emails (home first, work primary) and a manager. */
    String full(String localPart, String userType, String department) {
        return """
                {"schemas":["%s","%s"],
                 "userName":"%s@%s","displayName":"Ann Lee","userType":"%s","title":"Engineer","nickName":"Annie",
                 "name":{"givenName":"Ann","familyName":"Lee","middleName":"Maria","honorificPrefix":"Dr.",
                         "honorificSuffix":"III"},
                 "emails":[{"value":"%s@home.example","type":"home"},
                           {"value":"%s.Work@Corp.example","type":"work","primary":true}],
                 "%s":{"employeeNumber":"E-%s","costCenter":"CC-1","organization":"Contoso","division":"Sales",
                       "department":"%s","manager":{"value":"mgr-1","displayName":"Boss"}}}
                """.formatted(CORE, ENTERPRISE, localPart, tenant.domain(), userType, localPart, localPart, ENTERPRISE,
                localPart, department);
    }

    String create(String body) throws Exception {
        return read(send(HttpMethod.POST, "/Users", body).andExpect(status().isCreated()), "$.id");
    }

    long rows(String table, String id) {
        return count("SELECT count(*) FROM " + table + " WHERE customer_id = ? AND user_id = ?", tenant.id().value(),
                UUID.fromString(id));
    }

    List<String> found(String filter) throws Exception {
        String body = mvc.perform(call(HttpMethod.GET, "/Users").param("filter", filter).param("count", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(body, "$.Resources[*].userName");
    }

    @Test
    void postStoresAndGetRendersTheKeptAttributes() throws Exception {
        String id = create(full("ann", "Contractor", "Nordics"));
        get("/Users/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.schemas", hasItems(CORE, ENTERPRISE)))
                .andExpect(jsonPath("$.userType").value("Contractor"))
                .andExpect(jsonPath("$.title").value("Engineer"))
                .andExpect(jsonPath("$.nickName").value("Annie"))
                .andExpect(jsonPath("$.name.middleName").value("Maria"))
                .andExpect(jsonPath("$.name.honorificPrefix").value("Dr."))
                .andExpect(jsonPath("$.name.honorificSuffix").value("III"))
                .andExpect(jsonPath("$.emails.length()").value(2))
                .andExpect(jsonPath("$.emails[0].value").value("ann@home.example"))
                .andExpect(jsonPath("$.emails[0].type").value("home"))
                .andExpect(jsonPath("$.emails[0].primary").value(false))
                .andExpect(jsonPath("$.emails[1].value").value("ann.Work@Corp.example"))
                .andExpect(jsonPath("$.emails[1].primary").value(true))
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].employeeNumber").value("E-ann"))
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].costCenter").value("CC-1"))
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].organization").value("Contoso"))
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].division").value("Sales"))
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].department").value("Nordics"))
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].manager.value").value("mgr-1"));
        assertThat(rows("scim_user_profile", id)).isEqualTo(1);
        assertThat(rows("scim_user_email", id)).isEqualTo(2);
        // a page of users renders them too
        mvc.perform(call(HttpMethod.GET, "/Users").param("filter", "userName eq \"ann\""))
                .andExpect(jsonPath("$.Resources[0].userType").value("Contractor"))
                .andExpect(jsonPath("$.Resources[0].emails.length()").value(2));
    }

    @Test
    void withoutEmailsSentTheUserNameIsThePrimaryWorkEmail() throws Exception {
        String id = create("{\"schemas\":[\"" + CORE + "\"],\"userName\":\"bo@" + tenant.domain() + "\"}");
        get("/Users/" + id).andExpect(jsonPath("$.emails.length()").value(1))
                .andExpect(jsonPath("$.emails[0].value").value("bo@" + tenant.domain()))
                .andExpect(jsonPath("$.emails[0].type").value("work"))
                .andExpect(jsonPath("$.emails[0].primary").value(true))
                .andExpect(jsonPath("$.userType").doesNotExist())
                .andExpect(jsonPath("$['" + ENTERPRISE + "']").doesNotExist())
                .andExpect(jsonPath("$.schemas", not(hasItem(ENTERPRISE))));
        assertThat(rows("scim_user_profile", id) + rows("scim_user_email", id)).isZero();
        // a PATCH that leaves emails alone stores none: a rename still shows the new user name as the email
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":"
                + "\"replace\",\"path\":\"userName\",\"value\":\"bo.b@" + tenant.domain() + "\"}]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.emails[0].value").value("bo.b@" + tenant.domain()));
        assertThat(rows("scim_user_email", id)).isZero();
    }

    @Test
    void putClearsWhatItLeavesOut() throws Exception {
        String id = create(full("ann", "Contractor", "Nordics"));
        send(HttpMethod.PUT, "/Users/" + id, "{\"schemas\":[\"" + CORE + "\"],\"userName\":\"ann@" + tenant.domain()
                + "\",\"title\":\"Lead\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Lead"))
                .andExpect(jsonPath("$.userType").doesNotExist())
                .andExpect(jsonPath("$.nickName").doesNotExist())
                .andExpect(jsonPath("$.name.honorificSuffix").doesNotExist())
                .andExpect(jsonPath("$['" + ENTERPRISE + "']").doesNotExist())
                .andExpect(jsonPath("$.emails.length()").value(1))
                .andExpect(jsonPath("$.emails[0].value").value("ann@" + tenant.domain()));
        assertThat(rows("scim_user_profile", id)).isEqualTo(1);
        assertThat(rows("scim_user_email", id)).isZero();
        send(HttpMethod.PUT, "/Users/" + id, "{\"schemas\":[\"" + CORE + "\"],\"userName\":\"ann@" + tenant.domain()
                + "\"}").andExpect(status().isOk()).andExpect(jsonPath("$.title").doesNotExist());
        assertThat(rows("scim_user_profile", id)).isZero();
    }

    @Test
    void patchReplacesAnEmailThroughAValueFilterPathAndEnterpriseAttributesByUrn() throws Exception {
        String id = create(full("ann", "Contractor", "Nordics"));
        send(HttpMethod.PATCH, "/Users/" + id, """
                {"schemas":["%s"],"Operations":[
                  {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"ann.lee@corp.example"},
                  {"op":"replace","path":"%s:department","value":"Baltics"},
                  {"op":"remove","path":"%s:manager"},
                  {"op":"add","path":"userType","value":"Employee"}]}
                """.formatted(PATCH_OP, ENTERPRISE, ENTERPRISE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.emails[0].value").value("ann@home.example"))
                .andExpect(jsonPath("$.emails[1].value").value("ann.lee@corp.example"))
                .andExpect(jsonPath("$.emails[1].type").value("work"))
                .andExpect(jsonPath("$.userType").value("Employee"))
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].department").value("Baltics"))
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].manager").doesNotExist());
        assertThat(jdbc.sql("SELECT address FROM scim_user_email WHERE user_id = ? ORDER BY seq")
                .param(UUID.fromString(id)).query(String.class).list())
                .containsExactly("ann@home.example", "ann.lee@corp.example");
        // Entra's path-less replace with the extension's dotted keys
        send(HttpMethod.PATCH, "/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Replace","value":{"%s:employeeNumber":"E-9",
                 "title":"Lead"}}]}
                """.formatted(PATCH_OP, ENTERPRISE)).andExpect(status().isOk())
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].employeeNumber").value("E-9"))
                .andExpect(jsonPath("$.title").value("Lead"));
        // Entra's manager: the id alone as the value of the extension's manager
        send(HttpMethod.PATCH, "/Users/" + id, """
                {"schemas":["%s"],"Operations":[{"op":"Add","path":"%s:manager","value":"mgr-2"}]}
                """.formatted(PATCH_OP, ENTERPRISE)).andExpect(status().isOk())
                .andExpect(jsonPath("$['" + ENTERPRISE + "'].manager.value").value("mgr-2"));
        // a second email added to a user who had none stored: the user name shown is kept as sent
        String bo = create("{\"schemas\":[\"" + CORE + "\"],\"userName\":\"bo@" + tenant.domain() + "\"}");
        send(HttpMethod.PATCH, "/Users/" + bo, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\","
                + "\"path\":\"emails\",\"value\":[{\"value\":\"bo@home.example\",\"type\":\"home\"}]}]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.emails.length()").value(2))
                .andExpect(jsonPath("$.emails[1].value").value("bo@home.example"));
        assertThat(rows("scim_user_email", bo)).isEqualTo(2);
    }

    @Test
    void filtersFindTheKeptAttributesWithoutCase() throws Exception {
        create(full("ann", "Contractor", "Nordics"));
        create(full("bea", "Employee", "Baltics"));
        create("{\"schemas\":[\"" + CORE + "\"],\"userName\":\"cy@" + tenant.domain() + "\"}");
        String ann = "ann@" + tenant.domain();
        String bea = "bea@" + tenant.domain();
        String cy = "cy@" + tenant.domain();
        assertThat(found("emails[type eq \"home\"].value eq \"ANN@home.example\"")).containsExactly(ann);
        assertThat(found("emails.value eq \"ann.work@corp.example\"")).containsExactly(ann);
        // the user name still matches emails, stored emails or not
        assertThat(found("emails.value eq \"" + ann + "\"")).containsExactly(ann);
        assertThat(found("emails[type eq \"work\"].value eq \"" + cy + "\"")).containsExactly(cy);
        // one and the same email: ann's home address is not of type work
        assertThat(found("emails[type eq \"work\" and value eq \"ann@home.example\"]")).isEmpty();
        assertThat(found("emails[type eq \"home\"]")).containsExactlyInAnyOrder(ann, bea);
        assertThat(found("userType eq \"contractor\"")).containsExactly(ann);
        assertThat(found("not (userType eq \"contractor\")")).containsExactlyInAnyOrder(bea, cy);
        assertThat(found("userType ne \"Contractor\"")).containsExactlyInAnyOrder(bea, cy);
        assertThat(found("title sw \"eng\" and name.honorificSuffix eq \"iii\"")).containsExactlyInAnyOrder(ann, bea);
        assertThat(found("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"BALTICS\""))
                .containsExactly(bea);
        assertThat(found("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"e-ann\""))
                .containsExactly(ann);
        assertThat(found("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"MGR-1\""))
                .containsExactlyInAnyOrder(ann, bea);
        assertThat(found("userType pr")).containsExactlyInAnyOrder(ann, bea);
        assertThat(found("userType eq \"contractor\" or urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
                + ":department co \"alt\"")).containsExactlyInAnyOrder(ann, bea);
    }

    @Test
    void everyChangeIsLoggedAsDoneByTheToken() throws Exception {
        String id = create(full("ann", "Contractor", "Nordics"));
        String actor = "SCIM token \"" + tokenName + "\"";
        String sql = "SELECT details FROM activity_log WHERE customer_id = ? AND actor = ?"
                + " AND action = 'scim.profile-changed' ORDER BY occurred_at";
        List<String> lines = jdbc.sql(sql).param(tenant.id().value()).param(actor).query(String.class).list();
        assertThat(lines).singleElement().asString().contains("userType", "Contractor", "department", "Nordics",
                "emails", "ann@home.example");
        // the same again changes nothing, and logs nothing
        send(HttpMethod.PUT, "/Users/" + id, full("ann", "Contractor", "Nordics")).andExpect(status().isOk());
        assertThat(jdbc.sql(sql).param(tenant.id().value()).param(actor).query(String.class).list()).hasSize(1);
        // only a kept attribute changed: logged with before and after
        send(HttpMethod.PUT, "/Users/" + id, full("ann", "Employee", "Nordics")).andExpect(status().isOk());
        lines = jdbc.sql(sql).param(tenant.id().value()).param(actor).query(String.class).list();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("userType", "Contractor", "Employee").doesNotContain("department");
    }

    @Test
    void theKeptAttributesGoWhenTheUserIsPurged() throws Exception {
        String id = create(full("ann", "Contractor", "Nordics"));
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + id)).andExpect(status().isNoContent());
        assertThat(rows("scim_user_profile", id)).isEqualTo(1);
        jdbc.sql("UPDATE app_user SET deleted_at = ? WHERE customer_id = ? AND id = ?")
                .param(java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofDays(400))))
                .param(tenant.id().value()).param(UUID.fromString(id)).update();
        // The purge's lock free, as in ScimLicensesTests: ask until the user is gone.
        Polling.atMost(Duration.ofSeconds(30)).until(() -> {
            java.sql.Timestamp past = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1));
            jdbc.sql("DELETE FROM shedlock WHERE name = 'purge-deleted-users'").update();
            jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('purge-deleted-users', ?,"
                    + " ?, 'test')").param(past).param(past).update();
            purge.purgeExpired();
            return count("SELECT count(*) FROM app_user WHERE id = ?", UUID.fromString(id)) == 0;
        });
        assertThat(rows("scim_user_profile", id)).isZero();
        assertThat(rows("scim_user_email", id)).isZero();
    }
}
