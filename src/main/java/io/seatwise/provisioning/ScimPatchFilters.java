package io.seatwise.provisioning;

import io.seatwise.provisioning.ScimPatchPaths.Target;
import io.seatwise.provisioning.ScimPatchQuirks.Op;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH operations whose path selects values of a multi-valued attribute with a filter: {@code roles[value eq "X"]},
 * {@code emails[type eq "work"].value}, {@code addresses[type eq "work"].country} (RFC 7644 §3.5.2).
 * <ul>
 * <li>{@code remove}: the selected values (or their sub-attribute) go; selecting none is no error, so that a client
 * retrying a removal is answered alike.</li>
 * <li>{@code replace} without sub-attribute: the selected values are replaced by the given ones; none selected is
 * {@code noTarget} (RFC 7644 §3.5.2.3).</li>
 * <li>{@code add}, and {@code replace} of a sub-attribute: the selected values get it; when none is selected, a value
 * is created from what the filter's {@code eq} comparisons fix ({@code type: "work"}) and the given value, as Entra ID
 * expects; a filter that fixes nothing ({@code type ne "x"}) then is {@code noTarget}.</li>
 * </ul>
 */
final class ScimPatchFilters {

    private ScimPatchFilters() {
    }

    /** Applies {@code op} at {@code target} (which has a filter) in {@code container}. */
    static void apply(ObjectNode container, Op op, Target target, JsonNode value) {
        String name = target.attribute();
        JsonNode existing = container.get(name);
        if (existing != null && !existing.isNull() && !existing.isArray()) {
            throw ScimException.badRequest("invalidPath", "'" + name + "' is not multi-valued");
        }
        ArrayNode array = existing instanceof ArrayNode a ? a : container.arrayNode();
        List<ObjectNode> selected = new ArrayList<>();
        array.forEach(member -> {
            if (member.isObject() && ScimPatchPaths.matches(target.filter(), member)) {
                selected.add((ObjectNode) member);
            }
        });
        switch (op) {
            case REMOVE -> remove(array, selected, target.subAttribute());
            case REPLACE -> replace(array, selected, target, value);
            case ADD -> add(array, selected, target, value);
        }
        if (array.isEmpty()) {
            container.remove(name);
        } else {
            container.set(name, array);
        }
    }

    private static void remove(ArrayNode array, List<ObjectNode> selected, String sub) {
        if (sub != null) {
            selected.forEach(member -> member.remove(sub));
            return;
        }
        for (int i = array.size() - 1; i >= 0; i--) {
            JsonNode member = array.get(i);
            if (selected.stream().anyMatch(s -> s == member)) {
                array.remove(i);
            }
        }
    }

    private static void replace(ArrayNode array, List<ObjectNode> selected, Target target, JsonNode value) {
        if (target.subAttribute() != null) {
            add(array, selected, target, value);
            return;
        }
        if (selected.isEmpty()) {
            throw ScimException.badRequest("noTarget", "No value matches '" + target.describe() + "'");
        }
        remove(array, selected, null);
        ScimPatchTargets.appendMembers(array, value);
    }

    private static void add(ArrayNode array, List<ObjectNode> selected, Target target, JsonNode value) {
        String sub = target.subAttribute();
        if (!selected.isEmpty()) {
            for (ObjectNode member : selected) {
                if (sub != null) {
                    ScimPatchTargets.setOrRemove(member, sub, value);
                } else {
                    value.forEach(v -> member.setAll((ObjectNode) v));
                }
            }
            return;
        }
        ObjectNode fixed = ScimPatchPaths.fixedBy(target.filter());
        if (fixed.isEmpty()) {
            throw ScimException.badRequest("noTarget", "No value matches '" + target.describe()
                    + "', and its filter does not say which value to create");
        }
        ArrayNode created = array.arrayNode();
        if (sub != null) {
            created.add(fixed.deepCopy().set(sub, value));
        } else {
            value.forEach(v -> created.add(fixed.deepCopy().setAll((ObjectNode) v)));
        }
        ScimPatchTargets.appendMembers(array, created);
    }
}
