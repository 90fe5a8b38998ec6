package io.seatwise.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The User resource both ways without a database: {@link ScimUserResource} renders a user with its licenses,
 * {@link ScimUserReader} reads what Entra and Okta send, {@link ScimAttributes} projects.
 */
class ScimUserMappingTests {

    static final String SKU = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    static final JsonMapper JSON = JsonMapper.shared();

    final User user = new User(new UserId(UUID.randomUUID()), new CustomerId(UUID.randomUUID()), "ann@a.example",
            "Ann", "Lee", "Ann Lee", "SE", DirectoryRole.NONE, true, Instant.parse("2026-01-01T00:00:00Z"), null,
            "ext-1", "sv-SE", "SE", Instant.parse("2026-01-02T00:00:00Z"));

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void aUserRendersWithItsLicensesRolesAndErrors() {
        var shown = new ScimLicenses.Shown(List.of(new ScimLicenses.Role("SPE_E3", "Microsoft 365 E3", SKU,
                List.of("plan-1"))), List.of(new LicenseFailure("CountViolation", SkuId.of(SKU), "No seat left")));
        ObjectNode r = ScimUserResource.render(user, shown, "https://x/scim/v2");
        assertThat(r.get("schemas").toString()).isEqualTo("[\"" + ScimSchemas.USER + "\",\"" + ScimSchemas.SEATWISE_USER
                + "\"]");
        assertThat(r.get("active").booleanValue()).isFalse();
        assertThat(r.at("/name/formatted").asString()).isEqualTo("Ann Lee");
        assertThat(r.at("/roles/0/value").asString()).isEqualTo("SPE_E3");
        assertThat(r.at("/roles/0/display").asString()).isEqualTo("Microsoft 365 E3");
        assertThat(r.at("/roles/0/primary").booleanValue()).isFalse();
        JsonNode ext = r.get(ScimSchemas.SEATWISE_USER);
        assertThat(ext.at("/licenses/0/skuId").asString()).isEqualTo(SKU);
        assertThat(ext.at("/licenses/0/disabledPlans/0").asString()).isEqualTo("plan-1");
        assertThat(ext.at("/licenseErrors/0/code").asString()).isEqualTo("CountViolation");
        assertThat(ext.at("/licenseErrors/0/skuId").asString()).isEqualTo(SKU);
        assertThat(ext.at("/licenseErrors/0/message").asString()).isEqualTo("No seat left");
        assertThat(r.at("/meta/location").asString()).isEqualTo("https://x/scim/v2/Users/" + user.id().value());
        assertThat(r.at("/meta/lastModified").asString()).isEqualTo("2026-01-02T00:00:00Z");

        // the version follows what a client sees, licenses included
        String version = r.at("/meta/version").asString();
        assertThat(ScimUserResource.render(user, shown, "https://x/scim/v2").at("/meta/version").asString())
                .isEqualTo(version);
        assertThat(ScimUserResource.render(user, ScimLicenses.Shown.NONE, "https://x/scim/v2").at("/meta/version")
                .asString()).isNotEqualTo(version);
        assertThat(ScimUserResource.matches("W/\"a\", " + version, version)).isTrue();
        assertThat(ScimUserResource.matches(version.substring(2), version)).isTrue();
        assertThat(ScimUserResource.matches("*", version)).isTrue();
        assertThat(ScimUserResource.matches("W/\"a\"", version)).isFalse();
    }

    @Test
    void whatARendersReadsBackTheSame() {
        ObjectNode r = ScimUserResource.render(user, ScimLicenses.Shown.NONE, "https://x/scim/v2");
        ScimUserInput in = ScimUserReader.read(r);
        assertThat(in).isEqualTo(new ScimUserInput("ann@a.example", "Ann", "Lee", "Ann Lee", false, "ext-1", "sv-SE",
                "SE", "SE", null, ScimUserProfile.NONE.withEmails(List.of(new ScimUserProfile.Email("ann@a.example",
                        "work", true)))));
    }

    @Test
    void theAttributesKeptForProvisioningRenderAndReadBackTheSame() {
        ScimUserProfile kept = new ScimUserProfile("Contractor", "Engineer", "Annie", "Maria", "Dr.", "III", "E-7",
                "CC-1", "Contoso", "Sales", "Nordics", "mgr-1", List.of(new ScimUserProfile.Email("ann@home.example",
                        "home", false), new ScimUserProfile.Email("ann@work.example", "work", true)));
        ObjectNode r = ScimUserResource.render(user, ScimLicenses.Shown.NONE, kept, "https://x/scim/v2");
        assertThat(r.get("schemas").toString()).isEqualTo("[\"" + ScimSchemas.USER + "\",\""
                + ScimUserProfile.ENTERPRISE + "\",\"" + ScimSchemas.SEATWISE_USER + "\"]");
        assertThat(r.get("userType").asString()).isEqualTo("Contractor");
        assertThat(r.at("/name/honorificSuffix").asString()).isEqualTo("III");
        assertThat(r.at("/emails/0/value").asString()).isEqualTo("ann@home.example");
        assertThat(r.at("/emails/1/primary").booleanValue()).isTrue();
        assertThat(r.get(ScimUserProfile.ENTERPRISE).at("/manager/value").asString()).isEqualTo("mgr-1");
        assertThat(r.get(ScimUserProfile.ENTERPRISE).at("/department").asString()).isEqualTo("Nordics");
        assertThat(ScimUserReader.read(r).profile()).isEqualTo(kept);
        // the version follows the kept attributes too
        assertThat(r.at("/meta/version").asString()).isNotEqualTo(ScimUserResource.render(user,
                ScimLicenses.Shown.NONE, "https://x/scim/v2").at("/meta/version").asString());
        // attributes= selects within the enterprise extension
        ObjectNode only = ScimAttributes.project(r, ScimUserProfile.ENTERPRISE + ":department", null);
        assertThat(only.get(ScimUserProfile.ENTERPRISE).propertyNames()).containsExactly("department");
    }

    @Test
    void keptAttributesAreCheckedAsRead() {
        String base = "{\"schemas\":[\"" + ScimSchemas.USER + "\"],\"userName\":\"a@a.example\",";
        assertThatThrownBy(() -> ScimUserReader.read(json(base + "\"emails\":[{\"type\":\"work\"}]}")))
                .hasMessageContaining("emails needs a value");
        assertThatThrownBy(() -> ScimUserReader.read(json(base + "\"title\":\"" + "x".repeat(257) + "\"}")))
                .hasMessageContaining("longer than 256");
        assertThatThrownBy(() -> ScimUserReader.read(json(base + "\"" + ScimUserProfile.ENTERPRISE
                + "\":{\"department\":\"D\"}}"))).hasMessageContaining("schemas does not list it");
        // Entra's manager as a bare id; blanks are none
        ScimUserProfile p = ScimUserReader.read(json("{\"schemas\":[\"" + ScimSchemas.USER + "\",\""
                + ScimUserProfile.ENTERPRISE + "\"],\"userName\":\"a@a.example\",\"userType\":\" \",\""
                + ScimUserProfile.ENTERPRISE + "\":{\"manager\":\"m-2\"}}")).profile();
        assertThat(p.managerId()).isEqualTo("m-2");
        assertThat(p.userType()).isNull();
        assertThat(p.emails()).isEmpty();
    }

    @Test
    void entraAndOktaFormsAreRead() {
        ScimUserInput entra = ScimUserReader.read(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"USERNAME":"a@b.example",
                 "Active":"False","urn:ietf:params:scim:schemas:core:2.0:User:displayName":"A",
                 "roles":[{"primary":false,"type":"WindowsAzureActiveDirectoryRole","value":"SPE_E3"}]}
                """));
        assertThat(entra.active()).isFalse();
        assertThat(entra.displayName()).isEqualTo("A");
        assertThat(entra.wanted()).containsExactly(new ScimLicenses.Wanted("SPE_E3", List.of()));

        ScimUserInput texts = ScimUserReader.read(json("""
                {"userName":"a@b.example","roles":"[{\\"value\\":\\"SPE_E5\\"}]","entitlements":["EMS"],
                 "urn:ietf:params:scim:schemas:extension:seatwise:2.0:User":{"licenses":[{"skuId":"%s",
                 "disabledPlans":["p"]}]}}
                """.formatted(SKU)));
        assertThat(texts.wanted()).containsExactly(new ScimLicenses.Wanted("SPE_E5", List.of()),
                new ScimLicenses.Wanted("EMS", List.of()), new ScimLicenses.Wanted(SKU, List.of("p")));

        assertThat(ScimUserReader.read(json("{\"userName\":\"a@b.example\"}")).wanted()).isNull();
        assertThat(ScimUserReader.read(json("{\"userName\":\"a@b.example\",\"roles\":[]}")).wanted()).isEmpty();
        assertThat(ScimUserReader.read(json("{\"userName\":\"a@b.example\",\"active\":true}")).active()).isTrue();
    }

    @Test
    void wrongShapesAreInvalidValue() {
        for (String body : List.of("{\"userName\":1}", "{\"displayName\":\"x\"}", "{\"userName\":\"a@b\","
                + "\"active\":1}", "{\"userName\":\"a@b\",\"roles\":5}", "{\"userName\":\"a@b\",\"schemas\":"
                + "[\"urn:x\"]}", "{\"userName\":\"a@b\",\"addresses\":{\"country\":\"SE\"}}")) {
            assertThatThrownBy(() -> ScimUserReader.read(json(body))).as(body).isInstanceOf(ScimException.class)
                    .extracting(e -> ((ScimException) e).scimType()).isEqualTo("invalidValue");
        }
        assertThatThrownBy(() -> ScimUserReader.read(json("[]"))).isInstanceOf(ScimException.class)
                .extracting(e -> ((ScimException) e).scimType()).isEqualTo("invalidSyntax");
    }

    @Test
    void attributesPathsAreCaseInsensitiveAndMayCarryTheirSchema() {
        ObjectNode r = ScimUserResource.render(user, ScimLicenses.Shown.NONE, "https://x/scim/v2");
        ObjectNode only = ScimAttributes.project(r, "USERNAME, urn:ietf:params:scim:schemas:core:2.0:User:name"
                + ".familyName, emails.value", null);
        assertThat(only.propertyNames()).containsExactlyInAnyOrder("schemas", "id", "userName", "name", "emails");
        assertThat(only.get("name").propertyNames()).containsExactly("familyName");
        assertThat(only.at("/emails/0").propertyNames()).containsExactly("value");
        ObjectNode without = ScimAttributes.project(r, null, ScimSchemas.SEATWISE_USER + ",meta,Name.GivenName");
        assertThat(without.has(ScimSchemas.SEATWISE_USER)).isFalse();
        assertThat(without.has("meta")).isFalse();
        assertThat(without.get("name").propertyNames()).doesNotContain("givenName").contains("familyName");
        assertThat(r.has("meta")).as("the rendered resource is left as it is").isTrue();
    }
}
