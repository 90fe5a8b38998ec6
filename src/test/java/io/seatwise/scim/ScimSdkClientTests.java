package io.seatwise.scim;

import java.util.List;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
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
    ScimSdk sdk;

    @BeforeEach
    void connect() {
        var admin = agents.create(Role.ADMIN);
        tenant = customerUsers.tenant(5);
        String token = agents.as(admin, () -> tokens.create(tenant.id(), "UnboundID SDK")).token();
        sdk = new ScimSdk("http://127.0.0.1:" + port + "/scim/v2", token);
    }

    @AfterEach
    void disconnect() {
        sdk.close();
    }

    @Test
    void theSdkReadsTheServiceProviderConfig() throws Exception {
        ServiceProviderConfigResource config = sdk.service().getServiceProviderConfig();
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
        assertThat(types).singleElement().satisfies(type -> {
            assertThat(type.getId()).isEqualTo("User");
            assertThat(type.getEndpoint().toString()).isEqualTo("/Users");
            assertThat(type.getSchema().toString()).isEqualTo(ScimSchemas.USER);
            assertThat(type.getSchemaExtensions()).singleElement().satisfies(extension -> {
                assertThat(extension.getSchema().toString()).isEqualTo(ScimSchemas.SEATWISE_USER);
                assertThat(extension.isRequired()).isFalse();
            });
        });
        assertThat(sdk.service().getResourceType("User").getName()).isEqualTo("User");

        List<SchemaResource> schemas = sdk.service().getSchemas().getResources();
        assertThat(schemas).extracting(SchemaResource::getId)
                .containsExactly(ScimSchemas.USER, ScimSchemas.SEATWISE_USER);
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

    private static AttributeDefinition attribute(SchemaResource schema, String name) {
        return schema.getAttributes().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
    }
}
