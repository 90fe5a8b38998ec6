package io.seatwise.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.BaseScimResource;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Tenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, point 6: the real server on a random port driven by code no one here wrote, UnboundID's SCIM 2 SDK
 * client ({@code ScimService}), with a provisioning token of a fresh customer.
 */
abstract class ScimSdkClientTests {

    @LocalServerPort
    int port;
    @Autowired
    TestAgents agents;
    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    ScimTokens tokens;

    Tenant tenant;
    String token;
    ScimSdk sdk;

    @BeforeEach
    void connect() {
        var admin = agents.create(Role.ADMIN);
        tenant = customerUsers.tenant(5);
        token = agents.as(admin, () -> tokens.create(tenant.id(), "UnboundID SDK")).token();
        sdk = new ScimSdk("http://127.0.0.1:" + port + "/scim/v2", token);
    }

    @AfterEach
    void disconnect() {
        sdk.close();
    }

    /**
     * The configuration carries draft-ietf-scim-roles-entitlements' {@code RolesAndEntitlements}, which RFC 7643's
     * ServiceProviderConfig schema does not define: UnboundID's typed model refuses it ("Core attribute
     * RolesAndEntitlements is undefined") unless told to ignore unknown attributes, as a client of this server must
     * be ({@code BaseScimResource.IGNORE_UNKNOWN_FIELDS}, a static of the SDK; the server does not use that class).
     * The generic resource reads it as it is.
     */
    @Test
    void theSdkReadsTheServiceProviderConfig() throws Exception {
        GenericScimResource generic = sdk.service().retrieve(URI.create("ServiceProviderConfig"),
                GenericScimResource.class);
        assertThat(generic.getObjectNode().at("/RolesAndEntitlements/roles/supported").asBoolean()).isTrue();
        assertThat(generic.getObjectNode().at("/RolesAndEntitlements/entitlements/supported").asBoolean()).isTrue();

        ServiceProviderConfigResource config;
        boolean before = BaseScimResource.IGNORE_UNKNOWN_FIELDS;
        BaseScimResource.IGNORE_UNKNOWN_FIELDS = true;
        try {
            config = sdk.service().getServiceProviderConfig();
        } finally {
            BaseScimResource.IGNORE_UNKNOWN_FIELDS = before;
        }
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getBulk().isSupported()).isFalse();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getFilter().getMaxResults()).isEqualTo(ScimDiscoveryController.MAX_RESULTS);
        assertThat(config.getSort().isSupported()).isTrue();
        assertThat(config.getEtag().isSupported()).isTrue();
        assertThat(config.getChangePassword().isSupported()).isFalse();
        assertThat(config.getAuthenticationSchemes()).singleElement()
                .satisfies(scheme -> assertThat(scheme.getType()).isEqualTo("oauthbearertoken"));
    }

    @Test
    void theSdkReadsTheResourceTypesAndSchemas() throws Exception {
        List<ResourceTypeResource> types = sdk.service().getResourceTypes().getResources();
        assertThat(types).extracting(ResourceTypeResource::getId).containsExactly("User", "Role", "Entitlement");
        assertThat(types.get(0)).satisfies(type -> {
            assertThat(type.getEndpoint().toString()).isEqualTo("/Users");
            assertThat(type.getSchema().toString()).isEqualTo(ScimSchemas.USER);
            assertThat(type.getSchemaExtensions()).extracting(extension -> extension.getSchema().toString())
                    .containsExactly(ScimUserProfile.ENTERPRISE, ScimSchemas.SEATWISE_USER);
            assertThat(type.getSchemaExtensions()).noneMatch(ResourceTypeResource.SchemaExtension::isRequired);
        });
        assertThat(types).extracting(type -> type.getEndpoint().toString())
                .containsExactly("/Users", "/Roles", "/Entitlements");
        assertThat(sdk.service().getResourceType("User").getName()).isEqualTo("User");

        List<SchemaResource> schemas = sdk.service().getSchemas().getResources();
        assertThat(schemas).extracting(SchemaResource::getId)
                .containsExactly(ScimSchemas.USER, ScimUserProfile.ENTERPRISE, ScimSchemas.SEATWISE_USER,
                        ScimRoleSchemas.ROLE,
                        ScimRoleSchemas.ENTITLEMENT);
        SchemaResource user = schemas.get(0);
        AttributeDefinition userName = attribute(user, "userName");
        assertThat(userName.isRequired()).isTrue();
        assertThat(userName.isCaseExact()).isFalse();
        assertThat(userName.getType()).isEqualTo(AttributeDefinition.Type.STRING);
        assertThat(userName.getUniqueness()).isEqualTo(AttributeDefinition.Uniqueness.SERVER);
        AttributeDefinition emails = attribute(user, "emails");
        assertThat(emails.isMultiValued()).isTrue();
        assertThat(emails.getSubAttributes()).extracting(AttributeDefinition::getName)
                .containsExactly("value", "type", "primary");
        assertThat(attribute(user, "active").getType()).isEqualTo(AttributeDefinition.Type.BOOLEAN);
        assertThat(sdk.service().getSchema(ScimSchemas.SEATWISE_USER).getAttributes())
                .extracting(AttributeDefinition::getName).containsExactly("usageLocation", "licenses", "licenseErrors");
    }

    @Test
    void theSdkCreatesReadsFindsReplacesDeactivatesAndDeletesAUser() throws Exception {
        ScimService scim = sdk.service();
        String userName = "sdk-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.domain();
        String externalId = "okta-" + UUID.randomUUID();
        UserResource user = new UserResource().setUserName(userName).setName(name("Ada", "Lovelace"))
                .setDisplayName("Ada Lovelace").setActive(true)
                .setEmails(new Email().setValue(userName).setType("work").setPrimary(true));
        user.setExternalId(externalId);
        UserResource created = scim.create("Users", user);
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getUserName()).isEqualTo(userName);
        assertThat(created.getName().getGivenName()).isEqualTo("Ada");
        assertThat(created.getName().getFamilyName()).isEqualTo("Lovelace");
        assertThat(created.getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(created.getExternalId()).isEqualTo(externalId);
        assertThat(created.getActive()).isTrue();
        assertThat(created.getMeta().getResourceType()).isEqualTo("User");
        assertThat(created.getMeta().getLocation().toString())
                .isEqualTo("http://127.0.0.1:" + port + "/scim/v2/Users/" + created.getId());
        assertThat(created.getMeta().getVersion()).isNotBlank();

        UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
        assertThat(read.getUserName()).isEqualTo(userName);
        assertThat(read.getEmails()).singleElement().satisfies(email -> {
            assertThat(email.getValue()).isEqualTo(userName);
            assertThat(email.getType()).isEqualTo("work");
        });

        // a user name compares without case (RFC 7643 §4.1.1); no match is 200 with no resources
        ListResponse<UserResource> found = scim.searchRequest("Users")
                .filter(Filter.eq("userName", userName.toUpperCase(Locale.ROOT))).invoke(UserResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources()).extracting(UserResource::getId).containsExactly(created.getId());
        assertThat(scim.searchRequest("Users").filter(Filter.eq("externalId", externalId))
                .invoke(UserResource.class).getResources()).extracting(UserResource::getId)
                .containsExactly(created.getId());
        assertThat(scim.searchRequest("Users").filter(Filter.eq("userName", "nobody@" + tenant.domain()))
                .invoke(UserResource.class).getTotalResults()).isZero();

        read.setDisplayName("Ada King").setName(name("Ada", "King"));
        UserResource replaced = scim.replace(read);
        assertThat(replaced.getDisplayName()).isEqualTo("Ada King");
        assertThat(replaced.getName().getFamilyName()).isEqualTo("King");
        assertThat(replaced.getMeta().getVersion()).isNotEqualTo(created.getMeta().getVersion());

        // PATCH {"op":"replace","path":"active","value":false}: blocked, and still there
        UserResource deactivated = scim.modifyRequest("Users", created.getId()).replaceValue("active", false)
                .invoke(UserResource.class);
        assertThat(deactivated.getActive()).isFalse();
        assertThat(deactivated.getDisplayName()).isEqualTo("Ada King");
        assertThat(scim.retrieve("Users", created.getId(), UserResource.class).getActive()).isFalse();

        scim.delete("Users", created.getId());
        assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.getScimError().getStatus()).isEqualTo(404);
                    assertThat(e.getScimError().getDetail()).contains(created.getId());
                });
        assertThat(scim.searchRequest("Users").filter(Filter.eq("userName", userName)).invoke(UserResource.class)
                .getTotalResults()).isZero();
    }

    @Test
    void theSdkKeepsTheEnterpriseExtensionUserTypeAndEmails() throws Exception {
        ScimService scim = sdk.service();
        String userName = "sdk-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.domain();
        UserResource user = new UserResource().setUserName(userName).setUserType("Contractor").setTitle("Engineer")
                .setEmails(new Email().setValue("ada@home.example").setType("home").setPrimary(false),
                        new Email().setValue("ada@work.example").setType("work").setPrimary(true));
        user.setExtension(new com.unboundid.scim2.common.types.EnterpriseUserExtension().setDepartment("Analytics")
                .setEmployeeNumber("1815").setManager(new com.unboundid.scim2.common.types.Manager().setValue("m-1")));
        UserResource created = scim.create("Users", user);
        UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
        assertThat(read.getUserType()).isEqualTo("Contractor");
        assertThat(read.getTitle()).isEqualTo("Engineer");
        assertThat(read.getEmails()).extracting(Email::getValue).containsExactly("ada@home.example",
                "ada@work.example");
        var enterprise = read.getExtension(com.unboundid.scim2.common.types.EnterpriseUserExtension.class);
        assertThat(enterprise.getDepartment()).isEqualTo("Analytics");
        assertThat(enterprise.getEmployeeNumber()).isEqualTo("1815");
        assertThat(enterprise.getManager().getValue()).isEqualTo("m-1");
        assertThat(scim.searchRequest("Users").filter(Filter.and(Filter.eq(ScimUserProfile.ENTERPRISE
                        + ":department", "ANALYTICS"), Filter.eq("emails.value", "ADA@home.example")))
                .invoke(UserResource.class).getResources()).extracting(UserResource::getId)
                .containsExactly(created.getId());
    }

    @Test
    void scimErrorsBecomeTheSdksExceptionsWithTheirDetail() {
        ScimService scim = sdk.service();
        String unknown = UUID.randomUUID().toString();
        assertThatThrownBy(() -> scim.retrieve("Users", unknown, UserResource.class))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.getScimError().getStatus()).isEqualTo(404);
                    assertThat(e.getScimError().getSchemaUrns()).contains(ScimError.SCHEMA);
                    assertThat(e.getScimError().getDetail()).contains(unknown);
                });
        // a user name outside the customer's domains: 400 invalidValue naming the domain
        assertThatThrownBy(() -> scim.create("Users", new UserResource().setUserName("x@elsewhere.example")
                .setName(name("X", "Y"))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getScimError().getScimType()).isEqualTo("invalidValue");
                    assertThat(e.getScimError().getDetail()).contains("elsewhere.example");
                });
        // Groups are not offered: 404 with the SCIM error
        assertThatThrownBy(() -> scim.searchRequest("Groups").invoke(UserResource.class))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.getScimError().getDetail()).startsWith("Groups are not offered"));
    }

    /** SAP's suite's case: a PATCH body with a wrong schema sent to an id that does not exist is a 400, not a 404. */
    @Test
    void aMalformedPatchIsRefusedBeforeItsTargetIsLookedUp() throws Exception {
        String unknown = "/scim/v2/Users/" + UUID.randomUUID();
        String operations = "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"x\"}]}";
        HttpResponse<String> wrongSchema = patch(unknown,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp1\"]," + operations);
        assertThat(wrongSchema.statusCode()).isEqualTo(400);
        assertThat(wrongSchema.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(ScimError.MEDIA_TYPE));
        assertThat(wrongSchema.body()).contains("\"scimType\":\"invalidSyntax\"", ScimPatch.PATCH_OP);
        HttpResponse<String> noOperations = patch(unknown, "{\"schemas\":[\"" + ScimPatch.PATCH_OP
                + "\"],\"Operations\":[]}");
        assertThat(noOperations.statusCode()).isEqualTo(400);
        HttpResponse<String> badPath = patch(unknown, "{\"schemas\":[\"" + ScimPatch.PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"emails[type eq\"}]}");
        assertThat(badPath.statusCode()).isEqualTo(400);
        assertThat(badPath.body()).contains("\"scimType\":\"invalidPath\"");
        // well formed: the unknown user is a 404
        assertThat(patch(unknown, "{\"schemas\":[\"" + ScimPatch.PATCH_OP + "\"]," + operations).statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> patch(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", ScimError.MEDIA_TYPE)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Name name(String given, String family) {
        Name name = new Name();
        name.setGivenName(given);
        name.setFamilyName(family);
        return name;
    }

    private static AttributeDefinition attribute(SchemaResource schema, String name) {
        return schema.getAttributes().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
    }
}
