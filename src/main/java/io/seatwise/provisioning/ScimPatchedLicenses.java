package io.seatwise.provisioning;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The licenses a PATCH asks for, from the resource before and after it: the rendered resource shows each product
 * twice (a role by part number, and the extension's {@code licenses} by SKU id with its disabled plans), so reading
 * the patched resource whole would ask for every product twice, and a role removed would still be asked for by its
 * license. Instead:
 * <ul>
 * <li>neither changed: null, licenses left as they are;</li>
 * <li>{@code roles} or {@code entitlements} changed: the roles and entitlements after the PATCH, each product the
 * user held keeping its disabled plans;</li>
 * <li>only the extension's {@code licenses} changed: those.</li>
 * </ul>
 */
final class ScimPatchedLicenses {

    private ScimPatchedLicenses() {
    }

    static List<ScimLicenses.Wanted> wanted(ObjectNode before, ObjectNode after) {
        boolean roles = changed(before, after, "roles") || changed(before, after, "entitlements");
        JsonNode licensesBefore = licenses(before);
        JsonNode licensesAfter = licenses(after);
        if (!roles && Objects.equals(licensesBefore, licensesAfter)) {
            return null;
        }
        ObjectNode only = JsonNodeFactory.instance.objectNode();
        only.put("userName", "-");
        if (!roles) {
            only.putObject(ScimSchemas.SEATWISE_USER).set("licenses", licensesAfter == null
                    ? only.arrayNode() : licensesAfter);
            return ScimUserReader.read(only).wanted();
        }
        for (String name : List.of("roles", "entitlements")) {
            JsonNode value = ScimUserReader.field(after, name);
            if (value != null) {
                only.set(name, value);
            }
        }
        if (!only.has("roles")) {
            only.putArray("roles");
        }
        Map<String, List<String>> plans = heldPlans(before);
        return ScimUserReader.read(only).wanted().stream().map(w -> new ScimLicenses.Wanted(w.value(),
                plans.getOrDefault(w.value().toLowerCase(Locale.ROOT), w.disabledPlans()))).toList();
    }

    private static boolean changed(ObjectNode before, ObjectNode after, String name) {
        return !Objects.equals(ScimUserReader.field(before, name), ScimUserReader.field(after, name));
    }

    private static JsonNode licenses(ObjectNode resource) {
        return ScimUserReader.field(ScimUserReader.field(resource, ScimSchemas.SEATWISE_USER), "licenses");
    }

    /** The disabled plans of each product held, by its role's value (lower case): roles and licenses align. */
    private static Map<String, List<String>> heldPlans(ObjectNode before) {
        Map<String, List<String>> plans = new HashMap<>();
        JsonNode roles = ScimUserReader.field(before, "roles");
        JsonNode licenses = licenses(before);
        if (roles == null || licenses == null || roles.size() != licenses.size()) {
            return plans;
        }
        for (int i = 0; i < roles.size(); i++) {
            JsonNode value = roles.get(i).get("value");
            JsonNode disabled = licenses.get(i).get("disabledPlans");
            if (value != null && value.isString() && disabled != null && disabled.isArray()) {
                plans.put(value.stringValue().toLowerCase(Locale.ROOT),
                        disabled.valueStream().map(JsonNode::asString).toList());
            }
        }
        return plans;
    }
}
