package io.seatwise.scim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * RFC 7644 §4's discovery endpoints at {@code /scim/v2}: what this service provider supports, its one resource type
 * (User, with the Seatwise extension) and the schemas. Groups are not offered: see {@link #groups()}. Every answer is
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
        config.put("authenticationSchemes", List.of(Map.of("type", "oauthbearertoken", "name", "Bearer token",
                "description", "A provisioning token made on the customer's Provisioning page, sent as"
                        + " Authorization: Bearer <token>.", "primary", true)));
        config.put("meta", Map.of("resourceType", "ServiceProviderConfig", "location",
                base() + "/ServiceProviderConfig"));
        return scim(config);
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<Map<String, Object>> resourceTypes() {
        return scim(list(List.of(userType())));
    }

    @GetMapping("/ResourceTypes/{id}")
    ResponseEntity<?> resourceType(@PathVariable String id) {
        if (!"User".equals(id)) {
            return ScimError.response(404, null, "Resource type " + id + " is not offered; User is.");
        }
        return scim(userType());
    }

    @GetMapping("/Schemas")
    ResponseEntity<Map<String, Object>> schemas() {
        return scim(list(ScimSchemas.all(base())));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<?> schema(@PathVariable String id) {
        return ScimSchemas.all(base()).stream().filter(s -> s.get("id").equals(id)).findFirst()
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
                "Groups are not offered by this service provider: /ResourceTypes lists only User.");
    }

    private Map<String, Object> userType() {
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("schemas", List.of(RESOURCE_TYPE));
        type.put("id", "User");
        type.put("name", "User");
        type.put("endpoint", "/Users");
        type.put("description", "A Seatwise user of the token's customer.");
        type.put("schema", ScimSchemas.USER);
        type.put("schemaExtensions", List.of(Map.of("schema", ScimSchemas.SEATWISE_USER, "required", false)));
        type.put("meta", Map.of("resourceType", "ResourceType", "location", base() + "/ResourceTypes/User"));
        return type;
    }

    private static Map<String, Object> list(List<Map<String, Object>> resources) {
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

    private static <T> ResponseEntity<T> scim(T body) {
        return ResponseEntity.ok().contentType(ScimError.SCIM_JSON).body(body);
    }
}
