package io.seatwise.provisioning;

import java.util.Map;

/**
 * An attribute a SCIM filter may compare ({@link ScimFilterSql}): its column on {@code app_user u}, how its values
 * compare, and whether the column may be NULL. Looked up by lower-cased attribute path (the enterprise extension's
 * prefixed {@value #ENTERPRISE}); {@code emails} and {@code emails.value} are the user name (always one work email)
 * and the emails stored ({@link #stored()}); the attributes kept for provisioning only are columns of
 * {@code scim_user_profile p}, compared without case (RFC 7643 caseExact false).
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
    EMAIL_PRIMARY(null, Type.EMAIL_PRIMARY, false),
    /** The emails sent and stored (V26), each a row {@code e} of {@code scim_user_email}. */
    STORED_EMAIL_VALUE("e.address_key", Type.TEXT, false),
    STORED_EMAIL_TYPE("LOWER(e.email_type)", Type.TEXT, true),
    STORED_EMAIL_PRIMARY("e.is_primary", Type.BOOLEAN, false),
    /** The attributes kept for provisioning only (V26): the row {@code p} of {@code scim_user_profile}. */
    USER_TYPE("LOWER(p.user_type)", Type.PROFILE_TEXT, true),
    TITLE("LOWER(p.title)", Type.PROFILE_TEXT, true),
    NICK_NAME("LOWER(p.nick_name)", Type.PROFILE_TEXT, true),
    MIDDLE_NAME("LOWER(p.middle_name)", Type.PROFILE_TEXT, true),
    HONORIFIC_PREFIX("LOWER(p.honorific_prefix)", Type.PROFILE_TEXT, true),
    HONORIFIC_SUFFIX("LOWER(p.honorific_suffix)", Type.PROFILE_TEXT, true),
    EMPLOYEE_NUMBER("LOWER(p.employee_number)", Type.PROFILE_TEXT, true),
    COST_CENTER("LOWER(p.cost_center)", Type.PROFILE_TEXT, true),
    ORGANIZATION("LOWER(p.organization)", Type.PROFILE_TEXT, true),
    DIVISION("LOWER(p.division)", Type.PROFILE_TEXT, true),
    DEPARTMENT("LOWER(p.department)", Type.PROFILE_TEXT, true),
    MANAGER("LOWER(p.manager_id)", Type.PROFILE_TEXT, true);

    /** How an attribute's values compare. */
    enum Type { TEXT, EXACT_TEXT, ACTIVE, BOOLEAN, INSTANT, ID, EMAIL_TYPE, EMAIL_PRIMARY, PROFILE_TEXT }

    /** The lower-cased path prefix of the enterprise extension's attributes ({@code enterprise:department}). */
    static final String ENTERPRISE = "enterprise:";

    private static final Map<String, ScimFilterAttribute> BY_PATH = Map.ofEntries(
            Map.entry("username", USER_NAME), Map.entry("emails", USER_NAME), Map.entry("emails.value", USER_NAME),
            Map.entry("name.givenname", GIVEN_NAME), Map.entry("name.familyname", FAMILY_NAME),
            Map.entry("displayname", DISPLAY_NAME), Map.entry("externalid", EXTERNAL_ID), Map.entry("active", ACTIVE),
            Map.entry("meta.created", CREATED), Map.entry("meta.lastmodified", LAST_MODIFIED), Map.entry("id", ID),
            Map.entry("emails.type", EMAIL_TYPE), Map.entry("emails.primary", EMAIL_PRIMARY),
            Map.entry("usertype", USER_TYPE), Map.entry("title", TITLE), Map.entry("nickname", NICK_NAME),
            Map.entry("name.middlename", MIDDLE_NAME), Map.entry("name.honorificprefix", HONORIFIC_PREFIX),
            Map.entry("name.honorificsuffix", HONORIFIC_SUFFIX),
            Map.entry(ENTERPRISE + "employeenumber", EMPLOYEE_NUMBER),
            Map.entry(ENTERPRISE + "costcenter", COST_CENTER),
            Map.entry(ENTERPRISE + "organization", ORGANIZATION), Map.entry(ENTERPRISE + "division", DIVISION),
            Map.entry(ENTERPRISE + "department", DEPARTMENT), Map.entry(ENTERPRISE + "manager", MANAGER),
            Map.entry(ENTERPRISE + "manager.value", MANAGER));

    /** In a stored email's row: the attribute an {@code emails} attribute is there (null: not an email's). */
    ScimFilterAttribute stored() {
        return switch (this) {
            case USER_NAME -> STORED_EMAIL_VALUE;
            case EMAIL_TYPE -> STORED_EMAIL_TYPE;
            case EMAIL_PRIMARY -> STORED_EMAIL_PRIMARY;
            default -> null;
        };
    }

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
