package io.seatwise.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.seatwise.provisioning.ScimProducts.Offered;

/**
 * draft-ietf-scim-roles-entitlements: the Role and Entitlement resource types, their schemas
 * ({@code urn:ietf:params:scim:schemas:core:2.0:Role}, {@code …:Entitlement}) and their resources. Both offer the
 * same thing, the customer's subscribed products (Entra ID sends app roles, Okta entitlements): {@code value} the
 * part number, {@code display} the product name, {@code type} "product", never {@code primary}, plus the product's
 * {@code skuId} and its seats as the draft's assignment counts.
 */
final class ScimRoleSchemas {

    static final String ROLE = "urn:ietf:params:scim:schemas:core:2.0:Role";
    static final String ENTITLEMENT = "urn:ietf:params:scim:schemas:core:2.0:Entitlement";

    private ScimRoleSchemas() {
    }

    /** The resource type's name: Role or Entitlement. */
    static String name(String schema) {
        return ROLE.equals(schema) ? "Role" : "Entitlement";
    }

    /** The resource type of {@code /Roles} or {@code /Entitlements}. */
    static Map<String, Object> resourceType(String base, String schema) {
        String name = name(schema);
        Map<String, Object> type = new LinkedHashMap<>();
        type.put("schemas", List.of(ScimDiscoveryController.RESOURCE_TYPE));
        type.put("id", name);
        type.put("name", name);
        type.put("endpoint", "/" + name + "s");
        type.put("description", "The customer's subscribed products, to give as the user's "
                + ("Role".equals(name) ? "roles" : "entitlements") + " (read only).");
        type.put("schema", schema);
        type.put("meta", Map.of("resourceType", "ResourceType", "location", base + "/ResourceTypes/" + name));
        return type;
    }

    /** The Role or Entitlement schema. */
    static Map<String, Object> schema(String base, String schema) {
        String noun = "Role".equals(name(schema)) ? "role" : "entitlement";
        return ScimSchemas.schema(base, schema, name(schema), "A product on offer, as a " + noun + ".", List.of(
                read("id", "string", "The product's SKU id."),
                read("value", "string", "The product's part number, the " + noun + "'s value to send."),
                read("display", "string", "The product's name."),
                read("type", "string", "Always product."),
                read("primary", "boolean", "Not used: false."),
                read("supported", "boolean", "Whether the product can be given now: true."),
                read("limitedAssignmentsPermitted", "boolean", "True: the subscription's seats limit it."),
                read("totalAssignmentsPermitted", "integer", "The subscription's seats."),
                read("totalAssignmentsUsed", "integer", "Seats assigned."),
                read("skuId", "string", "The product's SKU id (Seatwise).")));
    }

    /** One product as a Role or Entitlement resource. */
    static Map<String, Object> resource(String base, String schema, Offered product) {
        String name = name(schema);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("schemas", List.of(schema));
        r.put("id", product.skuId().toString());
        r.put("value", product.partNumber());
        r.put("display", product.productName());
        r.put("type", "product");
        r.put("primary", false);
        r.put("supported", true);
        r.put("limitedAssignmentsPermitted", true);
        r.put("totalAssignmentsPermitted", product.total());
        r.put("totalAssignmentsUsed", product.assigned());
        r.put("skuId", product.skuId().toString());
        r.put("meta", Map.of("resourceType", name, "location", base + "/" + name + "s/" + product.skuId()));
        return r;
    }

    private static Map<String, Object> read(String name, String type, String description) {
        return ScimSchemas.attr(name, type, false, "value".equals(name), false, "readOnly", "none", description);
    }
}
