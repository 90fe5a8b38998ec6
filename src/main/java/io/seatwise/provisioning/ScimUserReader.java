package io.seatwise.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a client's User resource into a {@link ScimUserInput}, the way RFC 7643 and real clients write it:
 * attribute names case-insensitive and possibly prefixed with the core schema's URN; {@code active} a boolean or
 * Entra's {@code "True"}/{@code "False"}; the work address's country (else the primary's, else the first's);
 * {@code roles}/{@code entitlements} as objects with a {@code value}, as plain strings, or as a JSON text holding
 * them (Entra on PATCH); {@code emails}, {@code userType}, {@code title}, {@code nickName}, the name's middle name
 * and honorifics and the enterprise extension's fields into {@link ScimUserProfile}. {@code id}, {@code meta} and
 * every attribute Seatwise does not keep are ignored. A value of the wrong type is a 400
 * {@code invalidValue}.
 */
final class ScimUserReader {

    private static final String CORE_PREFIX = ScimSchemas.USER.toLowerCase(Locale.ROOT) + ":";
    private static final JsonMapper MAPPER = JsonMapper.shared();

    private ScimUserReader() {
    }

    static ScimUserInput read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "The request body must be a JSON object (a User)");
        }
        JsonNode schemas = field(body, "schemas");
        if (schemas != null && !schemas.isNull() && (!schemas.isArray() || schemas.valueStream()
                .noneMatch(s -> s.isString() && s.stringValue().equalsIgnoreCase(ScimSchemas.USER)))) {
            throw ScimException.badRequest("invalidValue", "schemas must include " + ScimSchemas.USER);
        }
        checkExtensionsListed(body, schemas);
        String userName = text(body, "userName");
        if (userName == null || userName.isBlank()) {
            throw ScimException.badRequest("invalidValue", "userName is required");
        }
        JsonNode name = field(body, "name");
        JsonNode extension = field(body, ScimSchemas.SEATWISE_USER);
        return new ScimUserInput(userName, text(name, "givenName"), text(name, "familyName"),
                text(body, "displayName"), active(field(body, "active")), text(body, "externalId"),
                text(body, "preferredLanguage"), country(field(body, "addresses")), text(extension, "usageLocation"),
                wanted(field(body, "roles"), field(body, "entitlements"), field(extension, "licenses")),
                profile(body, name));
    }

    /** The longest single-valued attribute kept for provisioning, and the most emails, that a resource may send. */
    static final int MAX_TEXT = 256;
    static final int MAX_EMAIL = 320;
    static final int MAX_EMAILS = 50;

    /** The attributes kept for provisioning only: core User's, the enterprise extension's, and the emails. */
    private static ScimUserProfile profile(JsonNode body, JsonNode name) {
        JsonNode enterprise = field(body, ScimUserProfile.ENTERPRISE);
        if (enterprise != null && !enterprise.isNull() && !enterprise.isObject()) {
            throw ScimException.badRequest("invalidValue", ScimUserProfile.ENTERPRISE + " must be an object");
        }
        return new ScimUserProfile(kept(body, "userType"), kept(body, "title"), kept(body, "nickName"),
                kept(name, "middleName"), kept(name, "honorificPrefix"), kept(name, "honorificSuffix"),
                kept(enterprise, "employeeNumber"), kept(enterprise, "costCenter"), kept(enterprise, "organization"),
                kept(enterprise, "division"), kept(enterprise, "department"), manager(field(enterprise, "manager")),
                emails(field(body, "emails")));
    }

    /** A kept string: blank is none; longer than {@value #MAX_TEXT} characters is a 400 invalidValue. */
    private static String kept(JsonNode node, String name) {
        String value = text(node, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw ScimException.badRequest("invalidValue", name + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    /** The enterprise manager: an object with a {@code value} (RFC 7643 §4.3), or the id alone (as Entra may). */
    private static String manager(JsonNode manager) {
        if (manager == null || manager.isNull()) {
            return null;
        }
        if (manager.isString()) {
            String id = manager.stringValue();
            if (id.length() > MAX_TEXT) {
                throw ScimException.badRequest("invalidValue", "manager is longer than " + MAX_TEXT + " characters");
            }
            return id.isBlank() ? null : id;
        }
        if (!manager.isObject()) {
            throw ScimException.badRequest("invalidValue", "manager must be an object with a value, not " + manager);
        }
        return kept(manager, "value");
    }

    /** The emails sent, in order; each needs a value; none (absent, null, empty) is an empty list. */
    private static List<ScimUserProfile.Email> emails(JsonNode emails) {
        List<ScimUserProfile.Email> list = new ArrayList<>();
        if (absent(emails)) {
            return list;
        }
        if (!emails.isArray()) {
            throw ScimException.badRequest("invalidValue", "emails must be an array, not " + emails);
        }
        if (emails.size() > MAX_EMAILS) {
            throw ScimException.badRequest("invalidValue", "Seatwise keeps at most " + MAX_EMAILS + " emails");
        }
        for (JsonNode email : emails) {
            if (!email.isObject()) {
                throw ScimException.badRequest("invalidValue", "each of emails must be an object, not " + email);
            }
            String value = text(email, "value");
            if (value == null || value.isBlank()) {
                throw ScimException.badRequest("invalidValue", "each of emails needs a value");
            }
            if (value.strip().length() > MAX_EMAIL) {
                throw ScimException.badRequest("invalidValue", "an email is longer than " + MAX_EMAIL + " characters");
            }
            String type = text(email, "type");
            if (type != null && type.length() > 64) {
                throw ScimException.badRequest("invalidValue", "an email's type is longer than 64 characters");
            }
            boolean primary = Boolean.TRUE.equals(active(field(email, "primary")));
            list.add(new ScimUserProfile.Email(value.strip(), type == null || type.isBlank() ? null : type, primary));
        }
        return list;
    }

    /**
     * RFC 7643 §3: an extension's attributes sit in an object named by its URN, and that URN is among
     * {@code schemas}; an extension object whose URN {@code schemas} does not list is a 400 {@code invalidValue}
     * (when {@code schemas} is sent at all).
     */
    private static void checkExtensionsListed(JsonNode body, JsonNode schemas) {
        if (schemas == null || schemas.isNull()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String key = e.getKey();
            if (key.regionMatches(true, 0, "urn:", 0, 4) && !key.toLowerCase(Locale.ROOT).startsWith(CORE_PREFIX)
                    && e.getValue().isObject() && schemas.valueStream()
                            .noneMatch(s -> s.isString() && s.stringValue().equalsIgnoreCase(key))) {
                throw ScimException.badRequest("invalidValue", "The extension " + key + " is sent, but schemas does"
                        + " not list it");
            }
        }
    }

    /** A member of an object by case-insensitive name, with or without the core User URN; null when absent. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.startsWith(CORE_PREFIX)) {
                key = key.substring(CORE_PREFIX.length());
            }
            if (key.equals(lower)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.badRequest("invalidValue", name + " must be a string, not " + value);
        }
        return value.stringValue();
    }

    static Boolean active(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString() && (value.stringValue().equalsIgnoreCase("true")
                || value.stringValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.stringValue().toLowerCase(Locale.ROOT));
        }
        throw ScimException.badRequest("invalidValue", "active must be true or false, not " + value);
    }

    private static String country(JsonNode addresses) {
        if (addresses == null || addresses.isNull() || addresses.isEmpty()) {
            return null;
        }
        if (!addresses.isArray()) {
            throw ScimException.badRequest("invalidValue", "addresses must be an array");
        }
        JsonNode chosen = addresses.get(0);
        for (JsonNode a : addresses) {
            if ("work".equalsIgnoreCase(text(a, "type"))) {
                chosen = a;
                break;
            }
            if (Boolean.TRUE.equals(active(field(a, "primary")))) {
                chosen = a;
            }
        }
        return text(chosen, "country");
    }

    /** The licenses asked for by roles, entitlements and the extension; null when none of them is there. */
    private static List<ScimLicenses.Wanted> wanted(JsonNode roles, JsonNode entitlements, JsonNode licenses) {
        if (absent(roles) && absent(entitlements) && absent(licenses)) {
            return null;
        }
        List<ScimLicenses.Wanted> wanted = new ArrayList<>();
        values(roles, "roles", wanted);
        values(entitlements, "entitlements", wanted);
        for (JsonNode license : array(licenses, "licenses")) {
            String sku = text(license, "skuId");
            if (sku == null || sku.isBlank()) {
                throw ScimException.badRequest("invalidValue", "each of licenses needs a skuId");
            }
            List<String> plans = new ArrayList<>();
            for (JsonNode plan : array(field(license, "disabledPlans"), "disabledPlans")) {
                if (!plan.isString()) {
                    throw ScimException.badRequest("invalidValue", "disabledPlans holds service plan ids, not " + plan);
                }
                plans.add(plan.stringValue());
            }
            wanted.add(new ScimLicenses.Wanted(sku, List.copyOf(plans)));
        }
        return List.copyOf(wanted);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static void values(JsonNode node, String name, List<ScimLicenses.Wanted> into) {
        for (JsonNode item : array(node, name)) {
            String value = item.isString() ? item.stringValue() : text(item, "value");
            if (value != null && !value.isBlank()) {
                into.add(new ScimLicenses.Wanted(value.strip(), List.of()));
            }
        }
    }

    /** The elements of an array attribute (none when absent); a JSON text holding the array is read first. */
    private static Iterable<JsonNode> array(JsonNode node, String name) {
        if (absent(node)) {
            return List.of();
        }
        JsonNode n = node;
        if (n.isString() && n.stringValue().strip().startsWith("[")) {
            try {
                n = MAPPER.readTree(n.stringValue());
            } catch (JacksonException e) {
                throw ScimException.badRequest("invalidValue", name + " is not a JSON array: " + e.getOriginalMessage());
            }
        }
        if (n.isObject() || n.isString()) {
            return List.of(n);
        }
        if (!n.isArray()) {
            throw ScimException.badRequest("invalidValue", name + " must be an array, not " + node);
        }
        return n;
    }
}
