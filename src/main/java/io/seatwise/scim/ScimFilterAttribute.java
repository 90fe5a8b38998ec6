package io.seatwise.scim;

import java.util.Map;

/**
 * An attribute a SCIM filter may compare ({@link ScimFilterSql}): its column on {@code app_user u}, how its values
 * compare, and whether the column may be NULL. Looked up by lower-cased attribute path; {@code emails} and
 * {@code emails.value} are the user name, the one address Seatwise keeps.
 */
enum ScimFilterAttribute {
    USER_NAME("u.user_name_key", Type.TEXT, false),
    GIVEN_NAME("u.first_key", Type.TEXT, true),
    FAMILY_NAME("u.last_key", Type.TEXT, true),
    DISPLAY_NAME("u.display_key", Type.TEXT, false),
    EXTERNAL_ID("u.external_id_key", Type.EXACT_TEXT, true),
    ACTIVE("u.sign_in_blocked", Type.ACTIVE, false),
    CREATED("u.created_at", Type.INSTANT, false),
    LAST_MODIFIED("u.updated_at", Type.INSTANT, false),
    ID("u.id", Type.ID, false),
    EMAIL_TYPE(null, Type.EMAIL_TYPE, false),
    EMAIL_PRIMARY(null, Type.EMAIL_PRIMARY, false);

    /** How an attribute's values compare. */
    enum Type { TEXT, EXACT_TEXT, ACTIVE, INSTANT, ID, EMAIL_TYPE, EMAIL_PRIMARY }

    private static final Map<String, ScimFilterAttribute> BY_PATH = Map.ofEntries(
            Map.entry("username", USER_NAME), Map.entry("emails", USER_NAME), Map.entry("emails.value", USER_NAME),
            Map.entry("name.givenname", GIVEN_NAME), Map.entry("name.familyname", FAMILY_NAME),
            Map.entry("displayname", DISPLAY_NAME), Map.entry("externalid", EXTERNAL_ID), Map.entry("active", ACTIVE),
            Map.entry("meta.created", CREATED), Map.entry("meta.lastmodified", LAST_MODIFIED), Map.entry("id", ID),
            Map.entry("emails.type", EMAIL_TYPE), Map.entry("emails.primary", EMAIL_PRIMARY));

    final String column;
    final Type type;
    final boolean nullable;

    ScimFilterAttribute(String column, Type type, boolean nullable) {
        this.column = column;
        this.type = type;
        this.nullable = nullable;
    }

    /** The attribute of a lower-cased path ({@code name.givenname}), or null when Seatwise does not filter on it. */
    static ScimFilterAttribute byPath(String lowerCasePath) {
        return BY_PATH.get(lowerCasePath);
    }
}
