package io.seatwise.provisioning;

import static io.seatwise.provisioning.ScimPatchPaths.BOOLEAN;
import static io.seatwise.provisioning.ScimPatchPaths.COMPLEX;
import static io.seatwise.provisioning.ScimPatchPaths.MULTI_VALUED;
import static io.seatwise.provisioning.ScimPatchPaths.READ_ONLY;
import static io.seatwise.provisioning.ScimPatchPaths.STRING;

import io.seatwise.provisioning.ScimPatchPaths.Target;
import io.seatwise.provisioning.ScimPatchQuirks.Op;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One PATCH operation applied to one {@link Target} of a resource, as RFC 7644 §3.5.2 says: {@code add} appends to a
 * multi-valued attribute (a value equal by {@code value} to one already there is merged into it, not repeated) and
 * merges into a complex one; {@code replace} replaces a multi-valued attribute or the values a filter selects
 * ({@code noTarget} when it selects none) and merges into a complex one; {@code remove} removes the attribute, the
 * values a filter selects, or the members listed in its {@code value}. A filter path ending in a sub-attribute,
 * {@code emails[type eq "work"].value}, creates the value it describes when none matches, for {@code add} and for
 * {@code replace} (RFC 7644 §3.5.2.3: a replace of an attribute without value is an add; Entra ID relies on it).
 */
final class ScimPatchTargets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScimPatchTargets() {
    }

    /** Applies {@code op} with {@code rawValue} (null for a remove without value) at {@code target} of {@code root}. */
    static void apply(ObjectNode root, Op op, Target target, JsonNode rawValue) {
        if (target.attribute() == null) {
            extension(root, op, target.urn(), rawValue);
            return;
        }
        if (unchangedReadOnly(root, op, target, rawValue)) {
            return;
        }
        JsonNode value = rawValue == null ? null
                : ScimPatchQuirks.value(target.attribute(), target.subAttribute(), rawValue);
        ObjectNode container = container(root, target.urn(), op);
        if (container == null) {
            return;
        }
        if (target.filter() != null) {
            ScimPatchFilters.apply(container, op, target, value);
        } else if (target.subAttribute() != null) {
            subAttribute(container, op, target, value);
        } else {
            attribute(container, op, target.attribute(), value);
        }
        tidy(root, target.urn());
    }

    /** Adds the members not yet there (by {@code value}), merges the others; one {@code primary} at most. */
    static void appendMembers(ArrayNode array, JsonNode members) {
        for (JsonNode member : members) {
            ObjectNode same = find(array, member);
            ObjectNode kept = same != null ? same.setAll((ObjectNode) member) : array.addObject().setAll((ObjectNode) member);
            if (kept.path("primary").asBoolean(false)) {
                array.forEach(other -> {
                    if (other != kept && other.path("primary").asBoolean(false)) {
                        ((ObjectNode) other).put("primary", false);
                    }
                });
            }
        }
    }

    private static void extension(ObjectNode root, Op op, String urn, JsonNode value) {
        if (op == Op.REMOVE) {
            root.remove(urn);
            tidy(root, urn);
            return;
        }
        if (value == null || !value.isObject()) {
            throw ScimException.badRequest("invalidValue", "The value of " + urn + " must be an object");
        }
        value.properties().forEach(e -> apply(root, op, ScimPatchPaths.parse(urn + ":" + e.getKey()), e.getValue()));
    }

    /**
     * Refuses a change of a readOnly attribute with {@code mutability}; a value equal to the one kept (a client
     * sending back what it read) is no change and is passed over.
     */
    private static boolean unchangedReadOnly(ObjectNode root, Op op, Target target, JsonNode value) {
        if (!READ_ONLY.contains(target.attribute())) {
            return false;
        }
        ObjectNode container = target.urn() == null ? root
                : root.get(target.urn()) instanceof ObjectNode o ? o : null;
        JsonNode kept = container == null ? null : container.get(target.attribute());
        if (op != Op.REMOVE && target.filter() == null && target.subAttribute() == null && kept != null
                && kept.equals(ScimPatchQuirks.canonicalNames(value))) {
            return true;
        }
        throw ScimException.badRequest("mutability", "'" + target.describe() + "' is read-only");
    }

    private static ObjectNode container(ObjectNode root, String urn, Op op) {
        if (urn == null) {
            return root;
        }
        JsonNode existing = root.get(urn);
        if (existing != null && existing.isObject()) {
            return (ObjectNode) existing;
        }
        return op == Op.REMOVE ? null : root.putObject(urn);
    }

    /** Keeps {@code schemas} in step with the extension objects present. */
    private static void tidy(ObjectNode root, String urn) {
        if (urn == null) {
            return;
        }
        JsonNode extension = root.get(urn);
        boolean present = extension != null && extension.isObject() && !extension.isEmpty();
        if (!present) {
            root.remove(urn);
        }
        ArrayNode schemas = root.get("schemas") instanceof ArrayNode a ? a : root.putArray("schemas");
        if (schemas.isEmpty()) {
            schemas.add(ScimPatchPaths.CORE);
        }
        List<Integer> listed = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            if (schemas.get(i).asString("").equalsIgnoreCase(urn)) {
                listed.add(i);
            }
        }
        if (present && listed.isEmpty()) {
            schemas.add(urn);
        } else if (!present) {
            for (int i = listed.size() - 1; i >= 0; i--) {
                schemas.remove((int) listed.get(i));
            }
        }
    }

    private static void attribute(ObjectNode container, Op op, String name, JsonNode value) {
        JsonNode existing = container.get(name);
        if (op == Op.REMOVE) {
            if (value != null && !value.isNull() && existing instanceof ArrayNode array && MULTI_VALUED.contains(name)) {
                removeMembers(array, value);
                if (array.isEmpty()) {
                    container.remove(name);
                }
            } else {
                container.remove(name);
            }
        } else if (value.isNull()) {
            container.remove(name);
        } else if (MULTI_VALUED.contains(name)) {
            ArrayNode array = op == Op.ADD && existing instanceof ArrayNode a ? a : JSON.createArrayNode();
            appendMembers(array, value);
            container.set(name, array);
        } else if (value.isObject() && (COMPLEX.contains(name) || existing != null && existing.isObject())) {
            ObjectNode target = existing != null && existing.isObject() ? (ObjectNode) existing : container.putObject(name);
            value.properties().forEach(e -> setOrRemove(target, e.getKey(), ScimPatchQuirks.value(name, e.getKey(),
                    e.getValue())));
        } else {
            container.set(name, value);
        }
    }

    private static void subAttribute(ObjectNode container, Op op, Target target, JsonNode value) {
        String name = target.attribute();
        String sub = target.subAttribute();
        JsonNode existing = container.get(name);
        if (STRING.contains(name) || BOOLEAN.contains(name) || existing != null && existing.isValueNode()) {
            throw ScimException.badRequest("invalidPath", "'" + name + "' has no sub-attribute '" + sub + "'");
        }
        if (MULTI_VALUED.contains(name) || existing instanceof ArrayNode) {
            ArrayNode array = existing instanceof ArrayNode a ? a : container.putArray(name);
            if (array.isEmpty() && op != Op.REMOVE) {
                array.addObject();
            }
            array.forEach(member -> setOrRemove((ObjectNode) member, sub, op == Op.REMOVE ? null : value));
            return;
        }
        if (op == Op.REMOVE) {
            if (existing instanceof ObjectNode object) {
                object.remove(sub);
                if (object.isEmpty()) {
                    container.remove(name);
                }
            }
            return;
        }
        ObjectNode object = existing instanceof ObjectNode o ? o : container.putObject(name);
        setOrRemove(object, sub, value);
    }

    /** Sets the sub-attribute, or removes it when the value is null (RFC 7643 §2.5: null is unassigned). */
    static void setOrRemove(ObjectNode object, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            object.remove(name);
        } else {
            object.set(name, value);
        }
    }

    private static void removeMembers(ArrayNode array, JsonNode members) {
        for (int i = array.size() - 1; i >= 0; i--) {
            JsonNode kept = array.get(i);
            for (JsonNode member : members) {
                if (same(kept, member)) {
                    array.remove(i);
                    break;
                }
            }
        }
    }

    private static ObjectNode find(ArrayNode array, JsonNode member) {
        for (JsonNode kept : array) {
            if (kept.isObject() && same(kept, member)) {
                return (ObjectNode) kept;
            }
        }
        return null;
    }

    /** Two members are the same when their {@code value}s are (strings without case), else when equal. */
    private static boolean same(JsonNode a, JsonNode b) {
        JsonNode va = a.get("value");
        JsonNode vb = b.get("value");
        if (va == null || vb == null) {
            return a.equals(b);
        }
        return va.isString() && vb.isString() ? va.stringValue().equalsIgnoreCase(vb.stringValue()) : va.equals(vb);
    }
}
