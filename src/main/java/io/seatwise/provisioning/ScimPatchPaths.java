package io.seatwise.provisioning;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link ScimPatch} knows of the User schema, and its PATCH paths: {@code attr}, {@code attr.sub},
 * URN-qualified paths ({@code urn:…:core:2.0:User:name.givenName}, {@code urn:…:enterprise:2.0:User:employeeNumber},
 * a bare extension URN) and value-filter paths ({@code emails[type eq "work"].value}). Paths and filters are parsed by
 * UnboundID's SCIM 2 SDK ({@link Path#fromString}, {@link Filter}) and value filters evaluated by its
 * {@link FilterEvaluator} (on a Jackson 2 copy of the value); names are then made canonical, since RFC 7643 §2.1 has
 * attribute names case-insensitive.
 */
final class ScimPatchPaths {

    static final String CORE = ScimSchemas.USER;
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String SEATWISE = ScimSchemas.SEATWISE_USER;

    /** Attributes a client may not change (RFC 7643 readOnly, and {@code schemas}, kept by the server). */
    static final Set<String> READ_ONLY = Set.of("id", "meta", "groups", "licenseErrors", "schemas");
    static final Set<String> MULTI_VALUED = Set.of("emails", "phoneNumbers", "ims", "photos", "addresses", "groups",
            "entitlements", "roles", "x509Certificates", "licenses", "licenseErrors", "members");
    /** Single-valued complex attributes: a value given for them is merged sub-attribute by sub-attribute. */
    static final Set<String> COMPLEX = Set.of("name", "manager", "meta");
    static final Set<String> BOOLEAN = Set.of("active", "primary");
    static final Set<String> STRING = Set.of("userName", "displayName", "externalId", "preferredLanguage",
            "nickName", "title", "userType", "locale", "timezone", "profileUrl", "formatted", "familyName",
            "givenName", "middleName", "honorificPrefix", "honorificSuffix", "employeeNumber", "costCenter",
            "organization", "division", "department", "usageLocation", "country", "type", "skuId");

    private static final Map<String, String> NAMES = canonicalNames(List.of("schemas", "id", "externalId", "meta",
            "userName", "name", "formatted", "familyName", "givenName", "middleName", "honorificPrefix",
            "honorificSuffix", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
            "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
            "groups", "entitlements", "roles", "x509Certificates", "value", "display", "type", "primary", "$ref",
            "streetAddress", "locality", "region", "postalCode", "country", "employeeNumber", "costCenter",
            "organization", "division", "department", "manager", "usageLocation", "licenses", "skuId",
            "disabledPlans", "licenseErrors", "code", "detail", "resourceType", "created", "lastModified",
            "location", "version", "members"));
    private static final List<String> URNS = List.of(CORE, ENTERPRISE, SEATWISE);
    private static final List<String> MULTI_VALUE_SUBS = List.of("value", "display", "type", "primary", "$ref");
    /**
     * The attributes of each schema (RFC 7643 §4.1 core User, §4.3 enterprise User, the Seatwise extension) with
     * their sub-attributes: what a PATCH path may name ({@link #checkKnown}).
     */
    private static final Map<String, Map<String, List<String>>> SCHEMA = Map.of(
            CORE, Map.ofEntries(Map.entry("schemas", List.of()), Map.entry("id", List.of()),
                    Map.entry("externalId", List.of()),
                    Map.entry("meta", List.of("resourceType", "created", "lastModified", "location", "version")),
                    Map.entry("userName", List.of()),
                    Map.entry("name", List.of("formatted", "familyName", "givenName", "middleName", "honorificPrefix",
                            "honorificSuffix")),
                    Map.entry("displayName", List.of()), Map.entry("nickName", List.of()),
                    Map.entry("profileUrl", List.of()), Map.entry("title", List.of()), Map.entry("userType", List.of()),
                    Map.entry("preferredLanguage", List.of()), Map.entry("locale", List.of()),
                    Map.entry("timezone", List.of()), Map.entry("active", List.of()), Map.entry("password", List.of()),
                    Map.entry("emails", MULTI_VALUE_SUBS), Map.entry("phoneNumbers", MULTI_VALUE_SUBS),
                    Map.entry("ims", MULTI_VALUE_SUBS), Map.entry("photos", MULTI_VALUE_SUBS),
                    Map.entry("addresses", List.of("formatted", "streetAddress", "locality", "region", "postalCode",
                            "country", "type", "primary")),
                    Map.entry("groups", MULTI_VALUE_SUBS), Map.entry("entitlements", MULTI_VALUE_SUBS),
                    Map.entry("roles", MULTI_VALUE_SUBS), Map.entry("x509Certificates", MULTI_VALUE_SUBS)),
            ENTERPRISE, Map.of("employeeNumber", List.of(), "costCenter", List.of(), "organization", List.of(),
                    "division", List.of(), "department", List.of(),
                    "manager", List.of("value", "$ref", "displayName")),
            SEATWISE, Map.of("usageLocation", List.of(), "licenses", List.of("skuId", "disabledPlans"),
                    "licenseErrors", List.of("skuId", "code", "detail", "message")));
    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON2 =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A schema URN alone, such as {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}. */
    private static final Pattern BARE_URN = Pattern.compile("(?i)urn:[^\\[\\]\"]*:User");
    private static final Pattern QUOTED_BOOLEAN = Pattern.compile("\\b((?:primary|active)\\s+(?:eq|ne)\\s+)\"(true|false)\"");

    /**
     * Where an operation applies: {@code urn} null for the core attributes (top level) or an extension's URN (its
     * object); {@code attribute} null for the whole extension object; an optional value filter and sub-attribute.
     */
    record Target(String urn, String attribute, Filter filter, String subAttribute) {

        /** The path as the client would read it, for error details. */
        String describe() {
            String base = (urn == null ? "" : urn + (attribute == null ? "" : ":"))
                    + (attribute == null ? "" : attribute);
            return base + (filter == null ? "" : "[" + filter + "]") + (subAttribute == null ? "" : "." + subAttribute);
        }
    }

    private ScimPatchPaths() {
    }

    /** The known spelling of an attribute name given in any case, or the name as given. */
    static String canonical(String name) {
        return NAMES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
    }

    /** The known spelling of a schema URN given in any case, or the URN as given. */
    static String canonicalUrn(String urn) {
        return URNS.stream().filter(u -> u.equalsIgnoreCase(urn)).findFirst().orElse(urn);
    }

    /** Whether the key is a schema URN (an extension's object in a resource, or a URN-qualified path). */
    static boolean isUrn(String key) {
        return key.regionMatches(true, 0, "urn:", 0, 4);
    }

    /** The target of a PATCH path; {@code invalidPath} when it cannot be parsed or goes deeper than sub-attributes. */
    static Target parse(String text) {
        String path = text.trim();
        if (BARE_URN.matcher(path).matches()) {
            if (CORE.equalsIgnoreCase(path)) {
                throw ScimException.badRequest("invalidPath", "The path must name an attribute of " + CORE);
            }
            return new Target(canonicalUrn(path), null, null, null);
        }
        Path parsed;
        try {
            parsed = Path.fromString(path);
        } catch (com.unboundid.scim2.common.exceptions.ScimException | RuntimeException e) {
            throw ScimException.badRequest("invalidPath", "Invalid path '" + text + "': " + e.getMessage());
        }
        if (parsed.size() < 1 || parsed.size() > 2) {
            throw ScimException.badRequest("invalidPath",
                    "Invalid path '" + text + "': an attribute, or an attribute and one sub-attribute, is expected");
        }
        if (parsed.size() == 2 && parsed.getElement(1).getValueFilter() != null) {
            throw ScimException.badRequest("invalidPath",
                    "Invalid path '" + text + "': a value filter may only follow the attribute");
        }
        String urn = parsed.getSchemaUrn();
        urn = urn == null || CORE.equalsIgnoreCase(urn) ? null : canonicalUrn(urn);
        String attribute = canonical(parsed.getElement(0).getAttribute());
        Filter filter = parsed.getElement(0).getValueFilter();
        if (filter != null && NAMES.containsValue(attribute) && !MULTI_VALUED.contains(attribute)) {
            throw ScimException.badRequest("invalidPath",
                    "Invalid path '" + text + "': '" + attribute + "' is not multi-valued");
        }
        String sub = parsed.size() == 2 ? canonical(parsed.getElement(1).getAttribute()) : null;
        return new Target(urn, attribute, filter, sub);
    }

    /**
     * A client's PATCH path checked against the schemas (RFC 7644 §3.5.2: a path naming no attribute of the
     * resource's schemas is {@code invalidPath}): its URN one of the User's schemas, its attribute one of that
     * schema's, its sub-attribute one of that attribute's. Checked before the user is looked up, so such a request
     * is a 400 even for an id that does not exist.
     */
    static Target checkKnown(Target target, String text) {
        Map<String, List<String>> attributes = SCHEMA.get(target.urn() == null ? CORE : target.urn());
        if (attributes == null) {
            throw ScimException.badRequest("invalidPath", "Invalid path '" + text + "': the schema " + target.urn()
                    + " is not one of the User's (" + String.join(", ", URNS) + ")");
        }
        if (target.attribute() == null) {
            return target;
        }
        List<String> subs = attributes.entrySet().stream()
                .filter(a -> a.getKey().equalsIgnoreCase(target.attribute())).map(Map.Entry::getValue).findFirst()
                .orElse(null);
        if (subs == null) {
            throw ScimException.badRequest("invalidPath", "Invalid path '" + text + "': "
                    + (target.urn() == null ? "the User" : target.urn()) + " has no attribute '" + target.attribute()
                    + "'");
        }
        if (target.subAttribute() != null && subs.stream().noneMatch(s -> s.equalsIgnoreCase(target.subAttribute()))) {
            throw ScimException.badRequest("invalidPath", "Invalid path '" + text + "': '" + target.attribute()
                    + "' has no sub-attribute '" + target.subAttribute() + "'");
        }
        return target;
    }

    /**
     * Whether a value of a multi-valued attribute matches the filter. UnboundID's evaluator compares strings without
     * case but attribute names exactly; names are case-insensitive too (RFC 7643 §2.1), so both the value's names and
     * the filter are put in lower case first (string comparison values are unaffected: they compare without case).
     * Entra ID writes booleans as strings in filters too ({@code roles[primary eq "True"].value}): those are read as
     * booleans.
     */
    static boolean matches(Filter filter, JsonNode value) {
        try {
            Filter lower = Filter.fromString(QUOTED_BOOLEAN.matcher(filter.toString().toLowerCase(Locale.ROOT))
                    .replaceAll("$1$2"));
            return FilterEvaluator.evaluate(lower, JACKSON2.readTree(lowerNames(value).toString()));
        } catch (com.unboundid.scim2.common.exceptions.ScimException | RuntimeException
                | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ScimException.badRequest("invalidPath", "Invalid value filter '" + filter + "': " + e.getMessage());
        }
    }

    /**
     * The sub-attribute values an {@code eq} filter (or an {@code and} of them) fixes, such as {@code type: "work"}
     * for {@code emails[type eq "work"]}: what a value added through that filter path is given. Empty when the filter
     * fixes nothing.
     */
    static ObjectNode fixedBy(Filter filter) {
        ObjectNode fixed = JSON.createObjectNode();
        if (filter.getFilterType() == FilterType.EQUAL) {
            String name = canonical(filter.getAttributePath().toString());
            JsonNode value = JSON.readTree(filter.getComparisonValue().toString());
            fixed.set(name, BOOLEAN.contains(name) ? ScimPatchQuirks.bool(name, value) : value);
        } else if (filter.getFilterType() == FilterType.AND) {
            filter.getCombinedFilters().forEach(f -> fixed.setAll(fixedBy(f)));
        }
        return fixed;
    }

    private static JsonNode lowerNames(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey().toLowerCase(Locale.ROOT), lowerNames(e.getValue())));
            return copy;
        }
        return node;
    }

    private static Map<String, String> canonicalNames(List<String> names) {
        return names.stream().collect(Collectors.toMap(n -> n.toLowerCase(Locale.ROOT), Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
