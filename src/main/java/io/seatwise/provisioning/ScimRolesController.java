package io.seatwise.provisioning;

import java.util.List;
import java.util.Map;

import io.seatwise.provisioning.ScimProducts.Offered;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /Roles} and {@code GET /Entitlements} (draft-ietf-scim-roles-entitlements): the token's customer's
 * subscribed products, so an identity provider can list the roles (Entra ID) or entitlements (Okta) to give; each
 * also by id (the SKU id) or by value (the part number). Read only, {@code application/scim+json}.
 */
@RestController
@RequestMapping("/scim/v2")
class ScimRolesController {

    private final ScimProducts products;

    ScimRolesController(ScimProducts products) {
        this.products = products;
    }

    @GetMapping("/Roles")
    ResponseEntity<Map<String, Object>> roles(@AuthenticationPrincipal ScimPrincipal principal) {
        return ScimDiscoveryController.scim(ScimDiscoveryController.list(all(principal, ScimRoleSchemas.ROLE)));
    }

    @GetMapping("/Roles/{id}")
    ResponseEntity<?> role(@AuthenticationPrincipal ScimPrincipal principal, @PathVariable String id) {
        return one(principal, ScimRoleSchemas.ROLE, id);
    }

    @GetMapping("/Entitlements")
    ResponseEntity<Map<String, Object>> entitlements(@AuthenticationPrincipal ScimPrincipal principal) {
        return ScimDiscoveryController.scim(ScimDiscoveryController.list(all(principal,
                ScimRoleSchemas.ENTITLEMENT)));
    }

    @GetMapping("/Entitlements/{id}")
    ResponseEntity<?> entitlement(@AuthenticationPrincipal ScimPrincipal principal, @PathVariable String id) {
        return one(principal, ScimRoleSchemas.ENTITLEMENT, id);
    }

    private List<Map<String, Object>> all(ScimPrincipal principal, String schema) {
        String base = ScimDiscoveryController.base();
        return products.offered(principal.customerId()).stream()
                .map(p -> ScimRoleSchemas.resource(base, schema, p)).toList();
    }

    private ResponseEntity<?> one(ScimPrincipal principal, String schema, String id) {
        List<Offered> offered = products.offered(principal.customerId());
        return ScimProducts.find(offered, id)
                .<ResponseEntity<?>>map(p -> ScimDiscoveryController.scim(ScimRoleSchemas.resource(
                        ScimDiscoveryController.base(), schema, p)))
                .orElseGet(() -> ScimError.response(404, null, ScimRoleSchemas.name(schema) + " " + id
                        + " is not offered: the customer subscribes to no such product."));
    }
}
