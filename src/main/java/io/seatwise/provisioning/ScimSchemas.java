package io.seatwise.provisioning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema documents of {@code GET /Schemas} (RFC 7643 §7): the core User schema reduced to the attributes
 * Seatwise keeps (with {@code roles} and {@code entitlements}, whose {@code value}'s canonical values are the
 * customer's subscribed products' part numbers), RFC 7643 §4.3's enterprise User extension, the Seatwise extension
 * (usage location, licenses, license errors),
 * and the Role and Entitlement schemas of draft-ietf-scim-roles-entitlements ({@link ScimRoleSchemas}). Each
 * attribute carries RFC 7643's characteristics; {@code caseExact} false where RFC 7643 §4.1 says user names, emails
 * and the like compare without case.
 */
final class ScimSchemas {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String SEATWISE_USER = "urn:ietf:params:scim:schemas:extension:seatwise:2.0:User";
    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    private ScimSchemas() {
    }

    /**
     * Every schema, with {@code meta.location} under {@code base}; {@code partNumbers} are the canonical values of
     * {@code roles.value} and {@code entitlements.value}: the token's customer's subscribed products.
     */
    static List<Map<String, Object>> all(String base, List<String> partNumbers) {
        return List.of(user(base, partNumbers), enterprise(base), seatwise(base),
                ScimRoleSchemas.schema(base, ScimRoleSchemas.ROLE),
                ScimRoleSchemas.schema(base, ScimRoleSchemas.ENTITLEMENT));
    }

    static Map<String, Object> user(String base, List<String> partNumbers) {
        return schema(base, USER, "User", "A person with a Seatwise account in one customer.", List.of(
                attr("userName", "string", false, true, false, "readWrite", "server",
                        "The sign-in name, an address in one of the customer's domains; a name without '@' gets"
                                + " the customer's default domain."),
                complex("name", false, "The person's name.", List.of(
                        attr("givenName", "string", false, false, false, "readWrite", "none", "Given name."),
                        attr("familyName", "string", false, false, false, "readWrite", "none", "Family name."),
                        attr("formatted", "string", false, false, false, "readOnly", "none",
                                "Given and family name together."),
                        attr("middleName", "string", false, false, false, "readWrite", "none", "Middle name."),
                        attr("honorificPrefix", "string", false, false, false, "readWrite", "none",
                                "Honorific prefix, such as Ms."),
                        attr("honorificSuffix", "string", false, false, false, "readWrite", "none",
                                "Honorific suffix, such as III."))),
                attr("displayName", "string", false, false, false, "readWrite", "none", "The name shown."),
                attr("nickName", "string", false, false, false, "readWrite", "none", "The casual name."),
                attr("title", "string", false, false, false, "readWrite", "none", "The job title."),
                attr("userType", "string", false, false, false, "readWrite", "none",
                        "The relationship to the customer, such as Employee or Contractor."),
                attr("active", "boolean", false, false, false, "readWrite", "none",
                        "False blocks sign-in; true allows it again."),
                complex("emails", true, "The emails sent, kept as sent; when none is sent, the user name as the"
                        + " primary work email.", List.of(
                        attr("value", "string", false, false, false, "readWrite", "none", "The address."),
                        attr("type", "string", false, false, false, "readWrite", "none", "work, home or other."),
                        attr("primary", "boolean", false, false, false, "readWrite", "none", "The preferred one."))),
                attr("externalId", "string", false, false, true, "readWrite", "server",
                        "The identity provider's id for the user, unique within the customer."),
                attr("preferredLanguage", "string", false, false, false, "readWrite", "none",
                        "An Accept-Language value (RFC 7231): en-US, or several with weights, da, en-gb;q=0.8."),
                complex("addresses", true, "Postal addresses; Seatwise keeps the work address's country only.",
                        List.of(attr("type", "string", false, false, false, "readWrite", "none", "work."),
                                attr("country", "string", false, false, false, "readWrite", "none",
                                        "ISO 3166-1 alpha-2 country code (it gives the usage location when the "
                                                + "extension's usageLocation is not sent)."))),
                offer("roles", "Products given to the user (Entra ID's app roles); GET /Roles lists them.",
                        partNumbers),
                offer("entitlements", "Products given to the user (Okta's entitlements); GET /Entitlements lists"
                        + " them.", partNumbers)));
    }

    /**
     * {@code roles} or {@code entitlements}: each value a subscribed product (part number, or SKU id), giving the
     * user that product; the canonical values are the part numbers on offer.
     */
    private static Map<String, Object> offer(String name, String description, List<String> partNumbers) {
        Map<String, Object> value = attr("value", "string", false, true, false, "readWrite", "none",
                "A subscribed product's part number (such as SPE_E3) or SKU id.");
        value.put("canonicalValues", List.copyOf(partNumbers));
        return complex(name, true, description, List.of(value,
                attr("display", "string", false, false, false, "readOnly", "none", "The product's name."),
                attr("type", "string", false, false, false, "readWrite", "none", "Always product."),
                attr("primary", "boolean", false, false, false, "readWrite", "none", "Not used: false.")));
    }

    /** RFC 7643 §4.3's enterprise User extension: its attributes, kept as sent (filters compare without case). */
    static Map<String, Object> enterprise(String base) {
        return schema(base, ScimUserProfile.ENTERPRISE, "EnterpriseUser", "Enterprise User", List.of(
                attr("employeeNumber", "string", false, false, false, "readWrite", "none",
                        "The number the organization gives the person."),
                attr("costCenter", "string", false, false, false, "readWrite", "none", "The cost center."),
                attr("organization", "string", false, false, false, "readWrite", "none", "The organization."),
                attr("division", "string", false, false, false, "readWrite", "none", "The division."),
                attr("department", "string", false, false, false, "readWrite", "none", "The department."),
                complex("manager", false, "The user's manager.", List.of(
                        attr("value", "string", false, false, false, "readWrite", "none",
                                "The manager's id, as the identity provider sends it.")))));
    }

    static Map<String, Object> seatwise(String base) {
        return schema(base, SEATWISE_USER, "Seatwise User", "Seatwise's licensing attributes of a user.", List.of(
                attr("usageLocation", "string", false, false, false, "readWrite", "none",
                        "ISO 3166-1 alpha-2 country where the user's licenses are used."),
                complex("licenses", true, "The products assigned to the user.", List.of(
                        attr("skuId", "string", false, true, false, "readWrite", "none", "The product's SKU id."),
                        attr("disabledPlans", "string", true, false, false, "readWrite", "none",
                                "Service plan ids of the product turned off for the user."))),
                complex("licenseErrors", true, "Licenses that could not be given, and why.", List.of(
                        attr("skuId", "string", false, false, false, "readOnly", "none", "The product's SKU id."),
                        attr("code", "string", false, false, true, "readOnly", "none",
                                "Microsoft's error code, such as CountViolation."),
                        attr("message", "string", false, false, false, "readOnly", "none", "What went wrong.")))));
    }

    static Map<String, Object> schema(String base, String id, String name, String description,
            List<Map<String, Object>> attributes) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("schemas", List.of(SCHEMA));
        schema.put("id", id);
        schema.put("name", name);
        schema.put("description", description);
        schema.put("attributes", attributes);
        schema.put("meta", Map.of("resourceType", "Schema", "location", base + "/Schemas/" + id));
        return schema;
    }

    static Map<String, Object> attr(String name, String type, boolean multiValued, boolean required,
            boolean caseExact, String mutability, String uniqueness, String description) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("type", type);
        a.put("multiValued", multiValued);
        a.put("description", description);
        a.put("required", required);
        if ("string".equals(type) || "reference".equals(type)) {
            a.put("caseExact", caseExact);
        }
        a.put("mutability", mutability);
        a.put("returned", "default");
        a.put("uniqueness", uniqueness);
        return a;
    }

    private static Map<String, Object> complex(String name, boolean multiValued, String description,
            List<Map<String, Object>> subAttributes) {
        Map<String, Object> a = attr(name, "complex", multiValued, false, false,
                subAttributes.stream().allMatch(s -> "readOnly".equals(s.get("mutability"))) ? "readOnly"
                        : "readWrite", "none", description);
        a.remove("caseExact");
        a.put("subAttributes", subAttributes);
        return a;
    }
}
