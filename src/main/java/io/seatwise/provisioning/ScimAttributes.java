package io.seatwise.provisioning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7644 §3.9's {@code attributes} and {@code excludedAttributes} on a rendered resource: a comma-separated list
 * of attribute paths ({@code userName}, {@code name.givenName}, {@code emails.value}, with or without the core
 * schema's URN; an extension's URN alone or followed by {@code :attribute}). {@code attributes} keeps only those
 * (and {@code id} and {@code schemas}, always returned); {@code excludedAttributes} removes them (never {@code id}
 * or {@code schemas}). Names compare without case; a path the resource does not have selects nothing.
 */
final class ScimAttributes {

    private static final String CORE_PREFIX = ScimSchemas.USER.toLowerCase(Locale.ROOT) + ":";
    private static final List<String> EXTENSIONS = List.of(ScimSchemas.SEATWISE_USER.toLowerCase(Locale.ROOT),
            ScimUserProfile.ENTERPRISE.toLowerCase(Locale.ROOT));
    private static final List<String> ALWAYS = List.of("id", "schemas");

    private ScimAttributes() {
    }

    /** The resource as asked: {@code attributes} wins when both are given, as RFC 7644 lets a server choose. */
    static ObjectNode project(ObjectNode resource, String attributes, String excludedAttributes) {
        if (attributes != null && !attributes.isBlank()) {
            List<List<String>> paths = new ArrayList<>(paths(attributes));
            ALWAYS.forEach(a -> paths.add(List.of(a)));
            return include(resource, paths);
        }
        if (excludedAttributes != null && !excludedAttributes.isBlank()) {
            ObjectNode copy = resource.deepCopy();
            paths(excludedAttributes).stream().filter(p -> !(p.size() == 1 && ALWAYS.contains(p.get(0))))
                    .forEach(p -> exclude(copy, p));
            return copy;
        }
        return resource;
    }

    /** Each path as its lower-cased segments: the extension's URN is one segment. */
    static List<List<String>> paths(String list) {
        List<List<String>> paths = new ArrayList<>();
        for (String raw : list.split(",")) {
            String p = raw.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            List<String> segments = new ArrayList<>();
            if (p.startsWith(CORE_PREFIX)) {
                p = p.substring(CORE_PREFIX.length());
            } else {
                for (String extension : EXTENSIONS) {
                    if (p.startsWith(extension)) {
                        segments.add(extension);
                        p = p.substring(extension.length());
                        p = p.startsWith(":") ? p.substring(1) : p;
                        break;
                    }
                }
            }
            if (!p.isEmpty()) {
                segments.addAll(Arrays.asList(p.split("\\.")));
            }
            paths.add(List.copyOf(segments));
        }
        return paths;
    }

    private static ObjectNode include(ObjectNode node, List<List<String>> paths) {
        ObjectNode out = node.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            List<List<String>> below = new ArrayList<>();
            boolean whole = false;
            for (List<String> p : paths) {
                if (p.get(0).equals(key)) {
                    whole |= p.size() == 1;
                    if (p.size() > 1) {
                        below.add(p.subList(1, p.size()));
                    }
                }
            }
            JsonNode value = e.getValue();
            if (whole) {
                out.set(e.getKey(), value);
            } else if (!below.isEmpty() && value.isObject()) {
                ObjectNode sub = include((ObjectNode) value, below);
                if (!sub.isEmpty()) {
                    out.set(e.getKey(), sub);
                }
            } else if (!below.isEmpty() && value.isArray()) {
                ArrayNode items = out.arrayNode();
                value.forEach(item -> {
                    if (item.isObject()) {
                        ObjectNode sub = include((ObjectNode) item, below);
                        if (!sub.isEmpty()) {
                            items.add(sub);
                        }
                    }
                });
                if (!items.isEmpty()) {
                    out.set(e.getKey(), items);
                }
            }
        }
        return out;
    }

    private static void exclude(JsonNode node, List<String> path) {
        if (node.isArray()) {
            node.forEach(item -> exclude(item, path));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String key = object.propertyNames().stream().filter(k -> k.equalsIgnoreCase(path.get(0))).findFirst()
                .orElse(null);
        if (key == null) {
            return;
        }
        if (path.size() == 1) {
            object.remove(key);
        } else {
            exclude(object.get(key), path.subList(1, path.size()));
        }
    }
}
