package io.seatwise.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.users.User;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user as a SCIM User resource (RFC 7643 §4.1) with the Seatwise extension: {@code userName} is the user name,
 * {@code emails} the ones the identity provider sent, else one work address (the user name); the attributes kept
 * for provisioning only ({@link ScimUserProfile}: userType, title, nickName, the name's middle name and honorifics,
 * the enterprise extension's fields) as sent; {@code active} is "sign-in not blocked",
 * {@code addresses} the work address's country; the extension carries the usage location, the products held
 * ({@code licenses}) and the failures of the last license change provisioning asked for ({@code licenseErrors});
 * {@code roles} are the products held, by part number. {@code meta.version} is a weak ETag of everything else, so
 * any change a client can see changes it. {@link ScimUserReader} reads the other way.
 */
final class ScimUserResource {

    static final String USER_TYPE = "User";
    static final String ROLE_TYPE = "product";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ScimUserResource() {
    }

    /** The resource of the user, {@code meta.location} under {@code base} (…/scim/v2). */
    static ObjectNode render(User user, ScimLicenses.Shown shown, String base) {
        return render(user, shown, ScimUserProfile.NONE, base);
    }

    /** The same with the attributes kept for provisioning only ({@link ScimUserProfile}). */
    static ObjectNode render(User user, ScimLicenses.Shown shown, ScimUserProfile profile, String base) {
        ObjectNode r = JSON.objectNode();
        ArrayNode schemas = r.putArray("schemas").add(ScimSchemas.USER);
        r.put("id", user.id().value().toString());
        if (user.externalId() != null) {
            r.put("externalId", user.externalId());
        }
        r.put("userName", user.userPrincipalName());
        ObjectNode name = JSON.objectNode();
        putIfSet(name, "givenName", user.firstName());
        putIfSet(name, "familyName", user.lastName());
        String formatted = ((user.firstName() == null ? "" : user.firstName()) + " "
                + (user.lastName() == null ? "" : user.lastName())).strip();
        putIfSet(name, "formatted", formatted.isEmpty() ? null : formatted);
        putIfSet(name, "middleName", profile.middleName());
        putIfSet(name, "honorificPrefix", profile.honorificPrefix());
        putIfSet(name, "honorificSuffix", profile.honorificSuffix());
        if (!name.isEmpty()) {
            r.set("name", name);
        }
        r.put("displayName", user.displayName());
        putIfSet(r, "nickName", profile.nickName());
        putIfSet(r, "title", profile.title());
        putIfSet(r, "userType", profile.userType());
        r.put("active", !user.signInBlocked());
        ArrayNode emails = r.putArray("emails");
        if (profile.emails() == null || profile.emails().isEmpty()) {
            emails.addObject().put("value", user.userPrincipalName()).put("type", "work").put("primary", true);
        } else {
            for (ScimUserProfile.Email e : profile.emails()) {
                ObjectNode email = emails.addObject().put("value", e.value());
                putIfSet(email, "type", e.type());
                email.put("primary", e.primary());
            }
        }
        putIfSet(r, "preferredLanguage", user.preferredLanguage());
        if (user.country() != null) {
            r.putArray("addresses").addObject().put("type", "work").put("country", user.country())
                    .put("primary", true);
        }
        if (!shown.roles().isEmpty()) {
            ArrayNode roles = r.putArray("roles");
            shown.roles().forEach(role -> roles.addObject().put("value", role.value()).put("display", role.display())
                    .put("type", ROLE_TYPE).put("primary", false));
        }
        if (profile.hasEnterprise()) {
            schemas.add(ScimUserProfile.ENTERPRISE);
            ObjectNode enterprise = r.putObject(ScimUserProfile.ENTERPRISE);
            putIfSet(enterprise, "employeeNumber", profile.employeeNumber());
            putIfSet(enterprise, "costCenter", profile.costCenter());
            putIfSet(enterprise, "organization", profile.organization());
            putIfSet(enterprise, "division", profile.division());
            putIfSet(enterprise, "department", profile.department());
            if (profile.managerId() != null) {
                enterprise.putObject("manager").put("value", profile.managerId());
            }
        }
        ObjectNode extension = extension(user, shown);
        if (!extension.isEmpty()) {
            schemas.add(ScimSchemas.SEATWISE_USER);
            r.set(ScimSchemas.SEATWISE_USER, extension);
        }
        ObjectNode meta = r.putObject("meta");
        meta.put("resourceType", USER_TYPE);
        meta.put("created", user.createdAt().toString());
        meta.put("lastModified", (user.updatedAt() == null ? user.createdAt() : user.updatedAt()).toString());
        meta.put("location", base + "/Users/" + user.id().value());
        meta.put("version", version(r));
        return r;
    }

    private static ObjectNode extension(User user, ScimLicenses.Shown shown) {
        ObjectNode extension = JSON.objectNode();
        putIfSet(extension, "usageLocation", user.usageLocation());
        if (!shown.roles().isEmpty()) {
            ArrayNode licenses = extension.putArray("licenses");
            for (ScimLicenses.Role role : shown.roles()) {
                ObjectNode license = licenses.addObject().put("skuId", role.skuId());
                ArrayNode plans = license.putArray("disabledPlans");
                role.disabledPlans().forEach(plans::add);
            }
        }
        if (!shown.errors().isEmpty()) {
            ArrayNode errors = extension.putArray("licenseErrors");
            for (LicenseFailure failure : shown.errors()) {
                ObjectNode e = errors.addObject().put("code", failure.code());
                putIfSet(e, "skuId", failure.skuId() == null ? null : failure.skuId().value().toString());
                e.put("message", failure.message());
            }
        }
        return extension;
    }

    /**
     * The weak ETag of a resource: a hash of it without {@code meta} (whose {@code lastModified} does not move when
     * only licenses change, and whose {@code version} is this).
     */
    static String version(ObjectNode resource) {
        ObjectNode content = resource.deepCopy();
        content.remove("meta");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an {@code If-Match}/{@code If-None-Match} header names this version ({@code *}: any). */
    static boolean matches(String header, String version) {
        if (header == null) {
            return false;
        }
        String wanted = opaque(version);
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || opaque(t).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
