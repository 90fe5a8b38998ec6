package io.seatwise.provisioning;

import static io.seatwise.provisioning.ScimPatchPaths.BOOLEAN;
import static io.seatwise.provisioning.ScimPatchPaths.COMPLEX;
import static io.seatwise.provisioning.ScimPatchPaths.MULTI_VALUED;
import static io.seatwise.provisioning.ScimPatchPaths.STRING;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What real SCIM clients send, brought to the form RFC 7643/7644 describe before a PATCH is applied: op names in any
 * case ({@code "Replace"} from Entra ID), attribute names in any case (RFC 7643 §2.1), booleans sent as the strings
 * {@code "True"}/{@code "False"} (Entra ID without its {@code aadOptscim062020} flag), app roles and entitlements whose
 * values are JSON text holding an object or an array (Entra ID's role assignments), a {@code manager} given as its id
 * alone, and a single value given where a multi-valued attribute wants an array. Values of the wrong type are refused
 * with {@code invalidValue}.
 */
final class ScimPatchQuirks {

    /** A PATCH operation's kind (RFC 7644 §3.5.2). */
    enum Op {
        ADD, REPLACE, REMOVE
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScimPatchQuirks() {
    }

    /** The operation named by {@code op}, in any case; {@code invalidSyntax} for anything else. */
    static Op op(JsonNode op) {
        String name = op != null && op.isString() ? op.stringValue().trim().toLowerCase(Locale.ROOT) : "";
        return switch (name) {
            case "add" -> Op.ADD;
            case "replace" -> Op.REPLACE;
            case "remove" -> Op.REMOVE;
            default -> throw ScimException.badRequest("invalidSyntax",
                    "Unknown PATCH op " + op + ": add, replace or remove is expected");
        };
    }

    /** A deep copy with attribute names and schema URN keys in their canonical spelling. */
    static JsonNode canonicalNames(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(ScimPatchPaths.isUrn(e.getKey())
                    ? ScimPatchPaths.canonicalUrn(e.getKey())
                    : ScimPatchPaths.canonical(e.getKey()), canonicalNames(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(v -> copy.add(canonicalNames(v)));
            return copy;
        }
        return node;
    }

    /**
     * The value to store for {@code attribute} (or its {@code subAttribute} when not null): canonical names, the
     * quirks above undone, multi-valued attributes as an array of objects.
     */
    static JsonNode value(String attribute, String subAttribute, JsonNode raw) {
        JsonNode value = canonicalNames(raw);
        String leaf = subAttribute != null ? subAttribute : attribute;
        if (subAttribute == null && ("roles".equals(attribute) || "entitlements".equals(attribute))) {
            value = roles(value);
        }
        if (subAttribute == null && "manager".equals(attribute) && value.isString()) {
            value = JSON.createObjectNode().set("value", value);
        }
        if (value.isNull()) {
            return value;
        }
        if (BOOLEAN.contains(leaf)) {
            return bool(leaf, value);
        }
        if (STRING.contains(leaf) && !value.isString()) {
            throw ScimException.badRequest("invalidValue", "'" + leaf + "' must be a string, not " + value);
        }
        if (subAttribute == null && MULTI_VALUED.contains(attribute)) {
            return members(attribute, value);
        }
        if (subAttribute == null && COMPLEX.contains(attribute) && !value.isObject()) {
            throw ScimException.badRequest("invalidValue", "'" + attribute + "' must be an object, not " + value);
        }
        return value;
    }

    /** A boolean, also from the strings "true"/"false" in any case. */
    static JsonNode bool(String name, JsonNode value) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isString() && (value.stringValue().trim().equalsIgnoreCase("true")
                || value.stringValue().trim().equalsIgnoreCase("false"))) {
            return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value.stringValue().trim()));
        }
        throw ScimException.badRequest("invalidValue", "'" + name + "' must be true or false, not " + value);
    }

    private static ArrayNode members(String attribute, JsonNode value) {
        ArrayNode members = JSON.createArrayNode();
        for (JsonNode member : value.isArray() ? value : JSON.createArrayNode().add(value)) {
            if (!member.isObject()) {
                throw ScimException.badRequest("invalidValue",
                        "The values of '" + attribute + "' must be objects, not " + member);
            }
            ObjectNode copy = (ObjectNode) member;
            if (copy.has("primary") && !copy.get("primary").isNull()) {
                copy.set("primary", bool("primary", copy.get("primary")));
            }
            members.add(copy);
        }
        return members;
    }

    /**
     * Roles or entitlements as an array of objects: JSON text holding an object or an array is parsed, in place of
     * the whole value, of a member, or of a member's {@code value} (whose other sub-attributes are kept); any other
     * string is a member's {@code value}.
     */
    private static JsonNode roles(JsonNode value) {
        if (value.isNull()) {
            return value;
        }
        ArrayNode roles = JSON.createArrayNode();
        for (JsonNode member : value.isArray() ? value : JSON.createArrayNode().add(value)) {
            addRole(roles, member, JSON.createObjectNode());
        }
        return roles;
    }

    private static void addRole(ArrayNode roles, JsonNode member, ObjectNode outer) {
        if (member.isString() && isJsonText(member.stringValue())) {
            JsonNode parsed = parse(member.stringValue());
            for (JsonNode inner : parsed.isArray() ? parsed : JSON.createArrayNode().add(parsed)) {
                addRole(roles, inner, outer);
            }
        } else if (member.isString()) {
            roles.add(outer.deepCopy().put("value", member.stringValue()));
        } else if (member.isObject() && member.path("value").isString()
                && isJsonText(member.get("value").stringValue())) {
            ObjectNode rest = ((ObjectNode) member).deepCopy();
            rest.remove("value");
            addRole(roles, member.get("value"), outer.deepCopy().setAll(rest));
        } else if (member.isObject()) {
            roles.add(outer.deepCopy().setAll((ObjectNode) member));
        } else {
            roles.add(member);
        }
    }

    private static boolean isJsonText(String text) {
        String t = text.trim();
        return t.startsWith("{") || t.startsWith("[");
    }

    private static JsonNode parse(String text) {
        try {
            return canonicalNames(JSON.readTree(text));
        } catch (JacksonException e) {
            throw ScimException.badRequest("invalidValue", "A role or entitlement holds invalid JSON: " + text);
        }
    }
}
