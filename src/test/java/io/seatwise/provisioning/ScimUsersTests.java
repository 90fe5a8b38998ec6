package io.seatwise.provisioning;

import io.seatwise.access.TestCustomerUsers.Tenant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SCIM {@code /Users}: create, read, list and search, the mapping both ways, the errors; on H2 and PostgreSQL.
 */
abstract class ScimUsersTests extends ScimUsersTestSupport {

    @Test
    void postCreatesTheUserAndAnswersItsResource() throws Exception {
        var created = send(HttpMethod.POST, "/Users", user("ann", "ext-ann")).andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(SCIM_JSON))
                .andExpect(header().string("ETag", startsWith("W/\"")))
                .andExpect(jsonPath("$.schemas[0]").value(CORE))
                .andExpect(jsonPath("$.schemas[1]").value(SEATWISE))
                .andExpect(jsonPath("$.userName").value("ann@" + tenant.domain()))
                .andExpect(jsonPath("$.externalId").value("ext-ann"))
                .andExpect(jsonPath("$.name.givenName").value("Ann"))
                .andExpect(jsonPath("$.name.familyName").value("Lee"))
                .andExpect(jsonPath("$.name.formatted").value("Ann Lee"))
                .andExpect(jsonPath("$.displayName").value("Ann Lee"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.emails[0].value").value("ann@" + tenant.domain()))
                .andExpect(jsonPath("$.emails[0].type").value("work"))
                .andExpect(jsonPath("$.emails[0].primary").value(true))
                .andExpect(jsonPath("$.preferredLanguage").value("sv-SE"))
                .andExpect(jsonPath("$.addresses[0].country").value("NO"))
                .andExpect(jsonPath("$.addresses[0].type").value("work"))
                .andExpect(jsonPath("$['" + SEATWISE + "'].usageLocation").value("DK"))
                .andExpect(jsonPath("$.meta.resourceType").value("User"))
                .andExpect(jsonPath("$.meta.created").exists())
                .andExpect(jsonPath("$.meta.lastModified").exists());
        String id = read(created, "$.id");
        String location = created.andReturn().getResponse().getHeader("Location");
        assertThat(location).endsWith("/scim/v2/Users/" + id);
        assertThat(read(created, "$.meta.location")).isEqualTo(location);
        assertThat(read(created, "$.meta.version")).isEqualTo(created.andReturn().getResponse().getHeader("ETag"));
        // stored through the users module, as any user
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ? AND id = ? AND external_id = 'ext-ann'"
                + " AND preferred_language = 'sv-SE' AND country = 'NO' AND usage_location = 'DK'"
                + " AND sign_in_blocked = FALSE AND deleted_at IS NULL", tenant.id().value(),
                java.util.UUID.fromString(id))).isEqualTo(1);

        get("/Users/" + id).andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(SCIM_JSON))
                .andExpect(header().string("ETag", read(created, "$.meta.version")))
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.userName").value("ann@"
                        + tenant.domain()));
    }

    @Test
    void theUsageLocationIsTheExtensionsElseTheAddressCountryCodeElseTheCustomersCountry() throws Exception {
        String fromCountry = "{\"schemas\":[\"" + CORE + "\"],\"userName\":\"no@" + tenant.domain() + "\","
                + "\"displayName\":\"N O\",\"addresses\":[{\"type\":\"home\",\"country\":\"FI\"},"
                + "{\"type\":\"work\",\"country\":\"no\"}]}";
        send(HttpMethod.POST, "/Users", fromCountry).andExpect(status().isCreated())
                .andExpect(jsonPath("$['" + SEATWISE + "'].usageLocation").value("NO"))
                .andExpect(jsonPath("$.addresses[0].country").value("no"));
        String notACode = "{\"userName\":\"nc@" + tenant.domain() + "\",\"name\":{\"givenName\":\"Nils\"},"
                + "\"addresses\":[{\"type\":\"work\",\"country\":\"Norway\"}]}";
        send(HttpMethod.POST, "/Users", notACode).andExpect(status().isCreated())
                .andExpect(jsonPath("$['" + SEATWISE + "'].usageLocation").value("SE"))
                .andExpect(jsonPath("$.displayName").value("Nils"))
                .andExpect(jsonPath("$.addresses[0].country").value("Norway"));
        String bad = "{\"userName\":\"bad@" + tenant.domain() + "\",\"displayName\":\"B\",\"" + SEATWISE
                + "\":{\"usageLocation\":\"XX\"}}";
        send(HttpMethod.POST, "/Users", bad).andExpect(scimError(400, "invalidValue"))
                .andExpect(jsonPath("$.detail", containsString("usageLocation")));
    }

    @Test
    void aTakenUserNameOrExternalIdIsA409Uniqueness() throws Exception {
        created("bo", "ext-bo");
        send(HttpMethod.POST, "/Users", user("BO", "ext-other")).andExpect(scimError(409, "uniqueness"))
                .andExpect(jsonPath("$.detail", containsStringIgnoringCase("bo@" + tenant.domain())));
        send(HttpMethod.POST, "/Users", user("bo2", "ext-bo")).andExpect(scimError(409, "uniqueness"))
                .andExpect(jsonPath("$.detail", containsString("ext-bo")));
        // external ids compare case-exact, as RFC 7643 says
        send(HttpMethod.POST, "/Users", user("bo3", "EXT-BO")).andExpect(status().isCreated());
        // and are unique per customer only
        Tenant other = customerUsers.tenant(1);
        Tenant mine = tenant;
        tenant = other;
        token = tokenOf(other, unique("Okta "));
        send(HttpMethod.POST, "/Users", user("bo", "ext-bo")).andExpect(status().isCreated());
        assertThat(mine).isNotEqualTo(other);
    }

    @Test
    void aUserNameOutsideTheCustomersDomainsIsA400NamingThem() throws Exception {
        String body = user("cy", "ext-cy").replace("\"cy@" + tenant.domain() + "\"", "\"cy@elsewhere.example\"");
        send(HttpMethod.POST, "/Users", body).andExpect(scimError(400, "invalidValue"))
                .andExpect(jsonPath("$.detail", containsString("elsewhere.example")))
                .andExpect(jsonPath("$.detail", containsString(tenant.domain())));
        send(HttpMethod.POST, "/Users", "{\"displayName\":\"x\"}").andExpect(scimError(400, "invalidValue"))
                .andExpect(jsonPath("$.detail", containsString("userName")));
        send(HttpMethod.POST, "/Users", "{\"userName\":\"ok@" + tenant.domain() + "\",\"active\":\"maybe\"}")
                .andExpect(scimError(400, "invalidValue"));
    }

    @Test
    void aBareUserNameGetsTheDefaultDomainAndIsFoundByItAgain() throws Exception {
        String id = read(send(HttpMethod.POST, "/Users", "{\"userName\":\"bare.name\",\"displayName\":\"x\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userName").value("bare.name@" + tenant.domain())), "$.id");
        // a client that sent the bare name finds its user by it, as by the whole name
        get("/Users?filter=" + enc("userName eq \"Bare.Name\"")).andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(id));
        get("/Users?filter=" + enc("userName eq \"bare.name@" + tenant.domain() + "\""))
                .andExpect(jsonPath("$.totalResults").value(1));
        get("/Users?filter=" + enc("userName ne \"bare.name\" and userName sw \"bare\""))
                .andExpect(jsonPath("$.totalResults").value(0));
        get("/Users?filter=" + enc("userName eq \"bare\"")).andExpect(jsonPath("$.totalResults").value(0));
        // it is unique as the whole name
        send(HttpMethod.POST, "/Users", "{\"userName\":\"BARE.NAME\"}").andExpect(scimError(409, "uniqueness"));
        send(HttpMethod.POST, "/Users", "{\"userName\":\"bare.name@" + tenant.domain() + "\"}")
                .andExpect(scimError(409, "uniqueness"));
        // PUT and PATCH complete it too
        send(HttpMethod.PUT, "/Users/" + id, "{\"userName\":\"renamed\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.userName").value("renamed@" + tenant.domain()));
        send(HttpMethod.PATCH, "/Users/" + id, "{\"schemas\":[\"" + ScimPatch.PATCH_OP + "\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"again\"}]}")
                .andExpect(jsonPath("$.userName").value("again@" + tenant.domain()));
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ? AND user_principal_name = ?",
                tenant.id().value(), "again@" + tenant.domain())).isEqualTo(1);
    }

    @Test
    void preferredLanguageIsAnAcceptLanguageValueAsRfc7643Says() throws Exception {
        String weighted = "da, en-gb;q=0.8, en;q=0.7";
        send(HttpMethod.POST, "/Users", "{\"userName\":\"pl@" + tenant.domain() + "\",\"preferredLanguage\":\""
                + weighted + "\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.preferredLanguage").value(weighted));
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ? AND preferred_language = ?",
                tenant.id().value(), weighted)).isEqualTo(1);
        for (String bad : java.util.List.of("Bulgarian", "en-US;q=2", "en,,de", "de;q=0.1234")) {
            send(HttpMethod.POST, "/Users", "{\"userName\":\"pl2@" + tenant.domain() + "\",\"preferredLanguage\":\""
                    + bad + "\"}").andExpect(scimError(400, "invalidValue"))
                    .andExpect(jsonPath("$.detail", containsString(bad)));
        }
    }

    @Test
    void anExtensionObjectWhoseUrnSchemasDoesNotListIsA400() throws Exception {
        String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        send(HttpMethod.POST, "/Users", "{\"schemas\":[\"" + CORE + "\"],\"userName\":\"ex@" + tenant.domain()
                + "\",\"" + enterprise + "\":{\"employeeNumber\":\"7\"}}").andExpect(scimError(400, "invalidValue"))
                .andExpect(jsonPath("$.detail", containsString(enterprise)));
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ?", tenant.id().value())).isZero();
        send(HttpMethod.POST, "/Users", "{\"schemas\":[\"" + CORE + "\",\"" + enterprise + "\"],\"userName\":\"ex@"
                + tenant.domain() + "\",\"" + enterprise + "\":{\"employeeNumber\":\"7\"}}")
                .andExpect(status().isCreated());
    }

    @Test
    void badJsonIsInvalidSyntaxAndOtherBodiesAre415() throws Exception {
        send(HttpMethod.POST, "/Users", "{\"userName\":").andExpect(scimError(400, "invalidSyntax"));
        send(HttpMethod.POST, "/Users", "[1,2]").andExpect(scimError(400, "invalidSyntax"));
        send(HttpMethod.POST, "/Users", "{\"userName\":\"a@" + tenant.domain() + "\",\"userName\":\"b@"
                + tenant.domain() + "\"}").andExpect(scimError(400, "invalidSyntax"));
        mvc.perform(call(HttpMethod.POST, "/Users").contentType("text/plain").content("hello"))
                .andExpect(scimError(415, null));
        // plain JSON is taken as well
        mvc.perform(call(HttpMethod.POST, "/Users").contentType("application/json").content(user("js", "ext-js")))
                .andExpect(status().isCreated()).andExpect(content().contentTypeCompatibleWith(SCIM_JSON));
    }

    @Test
    void unknownPathsAndMethodsAreScimErrors() throws Exception {
        get("/Nothing").andExpect(scimError(404, null));
        get("/Users/" + java.util.UUID.randomUUID() + "/more").andExpect(scimError(404, null));
        mvc.perform(call(HttpMethod.DELETE, "/Users")).andExpect(scimError(405, null))
                .andExpect(header().exists("Allow"));
        mvc.perform(call(HttpMethod.PUT, "/ServiceProviderConfig")).andExpect(scimError(405, null));
    }

    @Test
    void aUserNotThereIsA404() throws Exception {
        get("/Users/" + java.util.UUID.randomUUID()).andExpect(scimError(404, null));
        get("/Users/not-a-uuid").andExpect(scimError(404, null));
        // another customer's user is not there either, whatever the method
        String id = created("dee", "ext-dee");
        token = tokenOf(customerUsers.tenant(1), unique("Other "));
        get("/Users/" + id).andExpect(scimError(404, null));
        send(HttpMethod.PUT, "/Users/" + id, user("dee", "ext-dee")).andExpect(scimError(404, null));
        mvc.perform(call(HttpMethod.DELETE, "/Users/" + id)).andExpect(scimError(404, null));
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ? AND deleted_at IS NULL",
                java.util.UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void listFindsByFilterAndPages() throws Exception {
        String ann = created("ann", "ext-1");
        created("ben", "ext-2");
        created("cid", "ext-3");
        get("/Users?filter=" + enc("userName eq \"ANN@" + tenant.domain() + "\"")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(SCIM_JSON))
                .andExpect(jsonPath("$.schemas[0]").value("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .andExpect(jsonPath("$.totalResults").value(1)).andExpect(jsonPath("$.itemsPerPage").value(1))
                .andExpect(jsonPath("$.startIndex").value(1)).andExpect(jsonPath("$.Resources[0].id").value(ann))
                .andExpect(jsonPath("$.Resources[0].meta.version").exists());
        get("/Users?filter=" + enc("userName eq \"nobody@" + tenant.domain() + "\"")).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalResults").value(0)).andExpect(jsonPath("$.Resources").isEmpty());
        get("/Users?filter=" + enc("externalId eq \"ext-2\"")).andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].userName").value("ben@" + tenant.domain()));
        // Okta's test connection; the unfiltered total is the users list's count
        get("/Users?startIndex=1&count=2").andExpect(status().isOk()).andExpect(jsonPath("$.totalResults").value(3))
                .andExpect(jsonPath("$.itemsPerPage").value(2))
                .andExpect(jsonPath("$.Resources[0].userName").value("ann@" + tenant.domain()));
        get("/Users?startIndex=3&sortBy=userName&sortOrder=descending").andExpect(jsonPath("$.itemsPerPage").value(1))
                .andExpect(jsonPath("$.startIndex").value(3))
                .andExpect(jsonPath("$.Resources[0].userName").value("ann@" + tenant.domain()));
        // the cap is the one ServiceProviderConfig announces
        get("/ServiceProviderConfig").andExpect(jsonPath("$.filter.maxResults").value(ScimUserQuery.MAX_COUNT));
        get("/Users?count=" + (ScimUserQuery.MAX_COUNT + 1)).andExpect(jsonPath("$.itemsPerPage").value(3));
        get("/Users?count=0").andExpect(jsonPath("$.totalResults").value(3))
                .andExpect(jsonPath("$.itemsPerPage").value(0));
        get("/Users?filter=" + enc("userName eq")).andExpect(scimError(400, "invalidFilter"));
        get("/Users?count=many").andExpect(scimError(400, "invalidValue"));
        get("/Users?sortBy=password").andExpect(scimError(400, "invalidValue"));
    }

    @Test
    void searchTakesTheQueryInItsBody() throws Exception {
        created("ann", "ext-1");
        String ben = created("ben", "ext-2");
        send(HttpMethod.POST, "/Users/.search", """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
                 "filter":"name.givenName eq \\"ann\\" and userName sw \\"cid\\"","startIndex":1,"count":10}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.totalResults").value(0));
        send(HttpMethod.POST, "/Users/.search", """
                {"filter":"externalId eq \\"ext-2\\"","attributes":["userName"]}
                """).andExpect(status().isOk()).andExpect(jsonPath("$.totalResults").value(1))
                .andExpect(jsonPath("$.Resources[0].id").value(ben))
                .andExpect(jsonPath("$.Resources[0].userName").value("ben@" + tenant.domain()))
                .andExpect(jsonPath("$.Resources[0].displayName").doesNotExist());
        send(HttpMethod.POST, "/Users/.search", "{\"count\":\"ten\"}").andExpect(scimError(400, "invalidValue"));
    }

    @Test
    void attributesAndExcludedAttributesShapeEveryAnswer() throws Exception {
        String id = created("ann", "ext-1");
        get("/Users/" + id + "?attributes=userName,name.givenName," + SEATWISE + ":usageLocation")
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.schemas[0]").value(CORE))
                .andExpect(jsonPath("$.userName").exists()).andExpect(jsonPath("$.name.givenName").value("Ann"))
                .andExpect(jsonPath("$.name.familyName").doesNotExist())
                .andExpect(jsonPath("$['" + SEATWISE + "'].usageLocation").value("DK"))
                .andExpect(jsonPath("$.displayName").doesNotExist()).andExpect(jsonPath("$.meta").doesNotExist());
        get("/Users/" + id + "?excludedAttributes=emails.value,displayName,id,schemas," + CORE + ":name")
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.schemas").exists())
                .andExpect(jsonPath("$.emails[0].type").value("work"))
                .andExpect(jsonPath("$.emails[0].value").doesNotExist())
                .andExpect(jsonPath("$.displayName").doesNotExist()).andExpect(jsonPath("$.name").doesNotExist())
                .andExpect(jsonPath("$.userName").exists());
        get("/Users?attributes=userName").andExpect(jsonPath("$.Resources[0].id").value(id))
                .andExpect(jsonPath("$.Resources[0].active").doesNotExist());
        send(HttpMethod.POST, "/Users?excludedAttributes=name", user("bo", "ext-2"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").doesNotExist())
                .andExpect(jsonPath("$.userName").exists());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
