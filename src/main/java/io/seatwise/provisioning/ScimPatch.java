package io.seatwise.provisioning;

import io.seatwise.provisioning.ScimPatchQuirks.Op;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7644 §3.5.2 PATCH applied to a SCIM User held as a JSON tree (core attributes at the top level, extension
 * attributes under their schema URN), as Entra ID, Okta and other clients send it. Pure: no Spring, no database; the
 * {@code /Users} endpoint reads the user, applies the request here and stores the result.
 *
 * <p>Supported: {@code add}, {@code replace}, {@code remove}; paths {@code attr}, {@code attr.sub}, URN-qualified
 * ({@code urn:ietf:params:scim:schemas:core:2.0:User:name.givenName},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}, a bare extension URN), value
 * filters ({@code emails[type eq "work"].value}, {@code roles[value eq "SPE_E3"]}); no path, with an object value
 * whose keys may themselves be such paths (Entra ID: {@code "name.givenName"}, URN-qualified keys). Attribute names
 * are case-insensitive and come out in their canonical spelling; the quirks real clients have are undone by
 * {@link ScimPatchQuirks}, paths parsed by {@link ScimPatchPaths}, operations applied by {@link ScimPatchTargets} and
 * {@link ScimPatchFilters}. An extension URN is added to {@code schemas} when one of its attributes is set, and taken
 * out when its last one is removed. Errors are {@link ScimException}s (400) with {@code scimType}
 * {@code invalidSyntax}, {@code invalidPath}, {@code noTarget}, {@code invalidValue} or {@code mutability}.
 *
 * <p>Why not UnboundID's {@code PatchRequest}/{@code PatchOperation.apply} (scim2-sdk-common 5.0.0, already here):
 * it would need a Jackson 3 → 2 → 3 round trip, and even after normalising the quirks it departs from what the
 * clients need: its add through {@code emails[type eq "work"].value} always appends a new value (a second work email
 * each time Entra ID repeats it), its add to a multi-valued attribute repeats values already there, it looks
 * attribute names up with their case as given, knows no readOnly attributes ({@code id}, {@code meta}), and its
 * path-less value is merged as it is, so Entra ID's {@code "name.givenName"} key would become an attribute of that
 * name. What it does well is kept: its RFC 7644 path and filter parser ({@code Path.fromString}, {@code Filter}) and
 * its filter evaluator, so no PATCH grammar is parsed by hand here.
 */
public final class ScimPatch {

    /** The schema a PATCH body names (RFC 7644 §3.5.2). */
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private ScimPatch() {
    }

    /**
     * A copy of {@code resource} with the operations of {@code patchRequestBody} applied in order; the resource given
     * is not changed. All or nothing: an error in any operation throws and leaves no partial result.
     */
    public static ObjectNode apply(ObjectNode resource, JsonNode patchRequestBody) {
        JsonNode operations = operations(patchRequestBody);
        ObjectNode result = (ObjectNode) ScimPatchQuirks.canonicalNames(resource);
        for (JsonNode operation : operations) {
            applyOperation(result, operation);
        }
        return result;
    }

    /**
     * Checks a PATCH body as far as it can be without the resource: its schemas, its non-empty {@code Operations},
     * each operation's op, path syntax and value. A malformed request is then a 400 whatever its target, even a user
     * that does not exist (the body is read before the target is looked up, as RFC 7644 clients expect).
     */
    public static void check(JsonNode patchRequestBody) {
        for (JsonNode operation : operations(patchRequestBody)) {
            checkOperation(operation);
        }
    }

    /**
     * {@link #check} for a User: besides, each operation's {@code path} names an attribute of the User's schemas
     * ({@link ScimPatchPaths#checkKnown}: 400 {@code invalidPath} otherwise, before the user is looked up, so also
     * for an id that does not exist). Path-less values are read as a POST's resource is: attributes Seatwise does not
     * know are ignored.
     */
    public static void checkForUser(JsonNode patchRequestBody) {
        check(patchRequestBody);
        for (JsonNode operation : operations(patchRequestBody)) {
            String path = path(member(operation, "path"));
            if (path != null) {
                ScimPatchPaths.checkKnown(ScimPatchPaths.parse(path), path);
            }
        }
    }

    private static JsonNode operations(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "A PATCH body must be a JSON object");
        }
        JsonNode schemas = member(body, "schemas");
        if (schemas == null || !listsPatchOp(schemas)) {
            throw ScimException.badRequest("invalidSyntax", "A PATCH body's schemas must list " + PATCH_OP);
        }
        JsonNode operations = member(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.badRequest("invalidSyntax", "A PATCH body needs a non-empty 'Operations' array");
        }
        return operations;
    }

    private static boolean listsPatchOp(JsonNode schemas) {
        if (schemas.isString()) {
            return PATCH_OP.equalsIgnoreCase(schemas.stringValue());
        }
        for (JsonNode schema : schemas) {
            if (schema.isString() && PATCH_OP.equalsIgnoreCase(schema.stringValue())) {
                return true;
            }
        }
        return false;
    }

    private static void applyOperation(ObjectNode resource, JsonNode operation) {
        checkOperation(operation);
        Op op = ScimPatchQuirks.op(member(operation, "op"));
        String path = path(member(operation, "path"));
        JsonNode value = member(operation, "value");
        if (path != null) {
            ScimPatchTargets.apply(resource, op, ScimPatchPaths.parse(path), value);
            return;
        }
        for (Map.Entry<String, JsonNode> attribute : value.properties()) {
            if (!attribute.getKey().equalsIgnoreCase("schemas")) {
                ScimPatchTargets.apply(resource, op, ScimPatchPaths.parse(attribute.getKey()), attribute.getValue());
            }
        }
    }

    /** What of an operation can be checked without the resource: its op, its path's syntax, a value where needed. */
    private static void checkOperation(JsonNode operation) {
        if (!operation.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "Each PATCH operation must be a JSON object");
        }
        Op op = ScimPatchQuirks.op(member(operation, "op"));
        String path = path(member(operation, "path"));
        JsonNode value = member(operation, "value");
        if (path != null) {
            if (op != Op.REMOVE && (value == null || value.isNull())) {
                throw ScimException.badRequest("invalidValue", "The " + op.name().toLowerCase(Locale.ROOT) + " of '" + path
                        + "' needs a value");
            }
            ScimPatchPaths.parse(path);
            return;
        }
        if (op == Op.REMOVE) {
            throw ScimException.badRequest("noTarget", "A remove needs a path");
        }
        if (value == null || !value.isObject()) {
            throw ScimException.badRequest("invalidValue",
                    "An " + op.name().toLowerCase(Locale.ROOT) + " without path needs an object value");
        }
        for (Map.Entry<String, JsonNode> attribute : value.properties()) {
            if (!attribute.getKey().equalsIgnoreCase("schemas")) {
                ScimPatchPaths.parse(attribute.getKey());
            }
        }
    }

    private static String path(JsonNode path) {
        if (path == null || path.isNull()) {
            return null;
        }
        if (!path.isString()) {
            throw ScimException.badRequest("invalidPath", "A PATCH path must be a string, not " + path);
        }
        return path.stringValue().isBlank() ? null : path.stringValue();
    }

    /** A member of a PATCH body or operation, its name in any case ({@code Operations}, {@code operations}). */
    private static JsonNode member(JsonNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
