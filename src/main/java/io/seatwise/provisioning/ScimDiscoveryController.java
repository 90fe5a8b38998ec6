package io.seatwise.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.seatwise.provisioning.ScimProducts.Offered;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * RFC 7644 §4's discovery endpoints at {@code /scim/v2}: what this service provider supports, its resource types
 * (User, with the Seatwise extension; Role and Entitlement of draft-ietf-scim-roles-entitlements, served by
 * {@link ScimRolesController}) and the schemas, whose {@code roles.value}/{@code entitlements.value} canonical values
 * are the token's customer's subscribed products. Groups are not offered: see {@link #groups()}. Every answer is
 * {@code application/scim+json}.
 */
@RestController
@RequestMapping("/scim/v2")
class ScimDiscoveryController {

    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    /** The most resources one query answers (the {@code filter.maxResults} announced): what the query caps at. */
    static final int MAX_RESULTS = ScimUserQuery.MAX_COUNT;

    private final ScimProducts products;

    ScimDiscoveryController(ScimProducts products) {
        this.products = products;
    }

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<Map<String, Object>> serviceProviderConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("schemas", List.of(PROVIDER_CONFIG));
        config.put("patch", Map.of("supported", true));
        config.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
        config.put("filter", Map.of("supported", true, "maxResults", MAX_RESULTS));
        config.put("changePassword", Map.of("supported", false));
        config.put("sort", Map.of("supported", true));
        config.put("etag", Map.of("supported", true));
        // draft-ietf-scim-roles-entitlements: /Roles and /Entitlements list the products to give.
        Map<String, Object> offer = Map.of("supported", true, "multipleRolesSupported", true, "primarySupported",
                false, "typeSupported", false);
        config.put("RolesAndEntitlements", Map.of("roles", offer, "entitlements", Map.of("supported", true,
                "multipleEntitlementsSupported", true, "primarySupported", false, "typeSupported", false)));
        config.put("authenticationSchemes", List.of(Map.of("type", "oauthbearertoken", "name", "Bearer token",
                "description", "A provisioning token made on the customer's Provisioning page, sent as"
                        + " Authorization: Bearer <token>.", "primary", true)));
        config.put("meta", Map.of("resourceType", "ServiceProviderConfig", "location",
                base() + "/ServiceProviderConfig"));
        return scim(config);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<Map<String, Object>> resourceTypes() {
        return scim(list(types()));
    }

    @GetMapping("/ResourceTypes/{id}")
    ResponseEntity<?> resourceType(@PathVariable String id) {
        return types().stream().filter(t -> t.get("id").equals(id)).findFirst()
                .<ResponseEntity<?>>map(ScimDiscoveryController::scim)
                .orElseGet(() -> ScimError.response(404, null, "Resource type " + id
                        + " is not offered; User, Role and Entitlement are."));
    }

    private List<Map<String, Object>> types() {
        return List.of(userType(), ScimRoleSchemas.resourceType(base(), ScimRoleSchemas.ROLE),
                ScimRoleSchemas.resourceType(base(), ScimRoleSchemas.ENTITLEMENT));
    }

    @GetMapping("/Schemas")
    ResponseEntity<Map<String, Object>> schemas(@AuthenticationPrincipal ScimPrincipal principal) {
        return scim(list(schemaList(principal)));
    }

    private List<Map<String, Object>> schemaList(ScimPrincipal principal) {
        return ScimSchemas.all(base(), products.offered(principal.customerId()).stream().map(Offered::partNumber)
                .toList());
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<?> schema(@AuthenticationPrincipal ScimPrincipal principal, @PathVariable String id) {
        return schemaList(principal).stream().filter(s -> s.get("id").equals(id)).findFirst()
                .<ResponseEntity<?>>map(ScimDiscoveryController::scim)
                .orElseGet(() -> ScimError.response(404, null, "Schema " + id + " is not known."));
    }

    /**
     * Groups, any method: 404 with a SCIM error saying groups are not offered. RFC 7644 §3.12 keeps 501 for an
     * operation the service provider does not support (such as bulk or PATCH) on resources it has, and 404 for a
     * resource or endpoint that does not exist; a resource type left out of {@code /ResourceTypes} has no endpoint,
     * so 404 is RFC 7644's answer, and it is what identity providers take for "no groups" (Okta only calls
     * {@code /Groups} when group push is turned on).
     */
    @RequestMapping({ "/Groups", "/Groups/**" })
    ResponseEntity<ScimError> groups() {
        return ScimError.response(404, null,
                "Groups are not offered by this service provider: /ResourceTypes lists no Group.");
    }

    private Map<String, Object> userType() {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("schemas", List.of(RESOURCE_TYPE));
        type.put("id", "User");
        type.put("name", "User");
        type.put("endpoint", "/Users");
        type.put("description", "A Seatwise user of the token's customer.");
        type.put("schema", ScimSchemas.USER);
        type.put("schemaExtensions", List.of(Map.of("schema", ScimUserProfile.ENTERPRISE, "required", false),
                Map.of("schema", ScimSchemas.SEATWISE_USER, "required", false)));
        type.put("meta", Map.of("resourceType", "ResourceType", "location", base() + "/ResourceTypes/User"));
        return type;
    }

    static Map<String, Object> list(List<Map<String, Object>> resources) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("schemas", List.of(LIST));
        list.put("totalResults", resources.size());
        list.put("itemsPerPage", resources.size());
        list.put("startIndex", 1);
        list.put("Resources", resources);
        return list;
    }

    /** The SCIM base URL of the current request: .../scim/v2. */
    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString();
    }

    static <T> ResponseEntity<T> scim(T body) {
        return ResponseEntity.ok().contentType(ScimError.SCIM_JSON).body(body);
    }
}
