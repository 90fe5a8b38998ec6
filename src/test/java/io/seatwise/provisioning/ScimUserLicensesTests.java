package io.seatwise.provisioning;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.SkuId;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What {@code /Users} asks of {@link ScimLicenses} (a mock here: the licensing engine's side is tested with it):
 * licenses applied after the user is written, only when the resource carries roles, entitlements or the
 * extension's licenses (never on a PUT without them), and what {@code shown} answers on the resource.
 */
abstract class ScimUserLicensesTests extends ScimUsersTestSupport {

    static final String SKU = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    @MockitoBean
    ScimLicenses licenses;

    UserId userId(String id) {
        return new UserId(UUID.fromString(id));
    }

    @Test
    void postWithRolesAppliesThemAndAFailureDoesNotFailTheUser() throws Exception {
        when(licenses.applyToCreated(any(), any(), any(), anyBoolean())).thenReturn(List.of(new LicenseFailure(
                "CountViolation", SkuId.of(SKU), "No seat left")));
        String body = user("ann", "ext-ann").replace("\"active\":true", "\"active\":true,\"roles\":[{\"primary\":"
                + "false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\"SPE_E3\"}]");
        String id = read(send(HttpMethod.POST, "/Users", body).andExpect(status().isCreated()), "$.id");
        verify(licenses).applyToCreated(eq(tenant.id()), argThat(u -> u.id().equals(userId(id))),
                eq(List.of(new ScimLicenses.Wanted("SPE_E3", List.of()))), eq(true));
    }

    @Test
    void aLicenseRefusalThrownNeverFailsTheUsersProvisioning() throws Exception {
        when(licenses.applyToCreated(any(), any(), any(), anyBoolean())).thenThrow(
                io.seatwise.shared.DomainException.invalid("validation",
                "usageLocation", "no usage location"));
        String body = user("ann", "ext-ann").replace("\"active\":true", "\"active\":true,\"roles\":[\"SPE_E3\"]");
        send(HttpMethod.POST, "/Users", body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.userName").value("ann@" + tenant.domain()));
    }

    @Test
    void putWithoutLicensesLeavesThemAndPutWithEmptyRolesTakesThemAway() throws Exception {
        String id = created("ann", "ext-ann");
        verify(licenses, never()).applyAtCommit(any(), any(), any());
        send(HttpMethod.PUT, "/Users/" + id, user("ann", "ext-ann")).andExpect(status().isOk());
        verify(licenses, never()).applyAtCommit(any(), any(), any());
        send(HttpMethod.PUT, "/Users/" + id, user("ann", "ext-ann").replace("\"active\":true",
                "\"active\":true,\"roles\":[]")).andExpect(status().isOk());
        verify(licenses).applyAtCommit(tenant.id(), userId(id), List.of());
        clearInvocations(licenses);
        send(HttpMethod.PUT, "/Users/" + id, user("ann", "ext-ann").replace("{\"usageLocation\":\"DK\"}",
                "{\"usageLocation\":\"DK\",\"licenses\":[{\"skuId\":\"" + SKU + "\",\"disabledPlans\":[\"p1\"]}]}"))
                .andExpect(status().isOk());
        verify(licenses).applyAtCommit(tenant.id(), userId(id), List.of(new ScimLicenses.Wanted(SKU, List.of("p1"))));
    }

    @Test
    void theResourceShowsWhatTheLicensesShowAndPatchChangesOnlyWhatItTouches() throws Exception {
        String id = created("ann", "ext-ann");
        when(licenses.shown(eq(tenant.id()), anyCollection())).thenReturn(Map.of(userId(id), new ScimLicenses.Shown(
                List.of(new ScimLicenses.Role("SPE_E3", "Microsoft 365 E3", SKU, List.of("p1"))),
                List.of(new LicenseFailure("CountViolation", SkuId.of(SKU), "No seat left")))));
        get("/Users/" + id).andExpect(jsonPath("$.roles[0].value").value("SPE_E3"))
                .andExpect(jsonPath("$.roles[0].display").value("Microsoft 365 E3"))
                .andExpect(jsonPath("$['" + SEATWISE + "'].licenses[0].skuId").value(SKU))
                .andExpect(jsonPath("$['" + SEATWISE + "'].licenses[0].disabledPlans[0]").value("p1"))
                .andExpect(jsonPath("$['" + SEATWISE + "'].licenseErrors[0].code").value("CountViolation"));
        get("/Users?filter=" + ScimUsersTests.enc("externalId eq \"ext-ann\""))
                .andExpect(jsonPath("$.Resources[0].roles[0].value").value("SPE_E3"));

        String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[%s]}";
        send(HttpMethod.PATCH, "/Users/" + id, patch.formatted("{\"op\":\"replace\",\"path\":\"displayName\","
                + "\"value\":\"Ann B\"}")).andExpect(status().isOk());
        verify(licenses, never()).applyAtCommit(any(), any(), any());
        send(HttpMethod.PATCH, "/Users/" + id, patch.formatted("{\"op\":\"add\",\"path\":\"roles\",\"value\":"
                + "[{\"value\":\"EMS\"}]}")).andExpect(status().isOk());
        verify(licenses).applyAtCommit(tenant.id(), userId(id), List.of(new ScimLicenses.Wanted("SPE_E3", List.of("p1")),
                new ScimLicenses.Wanted("EMS", List.of())));
        clearInvocations(licenses);
        send(HttpMethod.PATCH, "/Users/" + id, patch.formatted("{\"op\":\"remove\",\"path\":"
                + "\"roles[value eq \\\"SPE_E3\\\"]\"}")).andExpect(status().isOk());
        verify(licenses).applyAtCommit(tenant.id(), userId(id), List.of());
    }
}
