package io.seatwise.provisioning;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.seatwise.provisioning.ScimFilterAttribute.Type;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.seatwise.provisioning.ScimFilterAttribute.Type;

/**
 * A SCIM filter (RFC 7644 §3.4.2.2: eq ne co sw ew pr gt ge lt le, and/or/not, grouping, value paths) as a SQL
 * condition on {@code app_user u}, every compared value a named parameter. The filter is parsed by UnboundID's SCIM 2
 * SDK ({@link Filter#fromString}), a value path's sub-attribute ({@code emails[type eq "work"].value eq "a@b"})
 * first moved into its brackets ({@link ScimFilterValuePaths}); this class maps the attributes Seatwise stores to columns:
 * <ul>
 * <li>{@code userName}, {@code emails}, {@code emails.value} (the work email is the user name),
 * {@code name.givenName}, {@code name.familyName}, {@code displayName}: case-insensitive (RFC 7643 caseExact false),
 * compared on their lower-cased keys ({@code user_name_key} … {@code display_key}, V4/V9), so {@code userName eq}
 * is a probe of the unique user name key and {@code sw} an index range. A bare {@code userName eq}/{@code ne} value
 * (no '@') is also compared as value@ the customer's default domain ({@link ScimUserNames}).</li>
 * <li>{@code externalId}: case-exact, on {@code external_id_key} (V23, unique per customer).</li>
 * <li>{@code active}: eq/ne a boolean, {@code true} being "sign-in not blocked".</li>
 * <li>{@code meta.created}, {@code meta.lastModified}: eq ne gt ge lt le with an RFC 3339 date-time.</li>
 * <li>{@code id}: eq/ne.</li>
 * <li>{@code emails.type} is always {@code work} and {@code emails.primary} always true: constants.</li>
 * <li>{@code emails}, {@code emails.value}, {@code emails.type}, {@code emails.primary} and value paths
 * {@code emails[…]} also match the emails the identity provider sent ({@code scim_user_email e}, V26), a value path's
 * conditions on one and the same email: the user name's condition OR EXISTS one stored email's.</li>
 * <li>{@code userType}, {@code title}, {@code nickName}, {@code name.middleName}, {@code name.honorificPrefix},
 * {@code name.honorificSuffix} and the enterprise extension's {@code employeeNumber}, {@code costCenter},
 * {@code organization}, {@code division}, {@code department}, {@code manager.value} (with its URN,
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department}): case-insensitive, EXISTS on
 * {@code scim_user_profile p} (V26).</li>
 * </ul>
 * Attribute names are case-insensitive and may carry the core User schema's URN. An absent value (a user without
 * a first name) is equal to nothing and not equal to everything, also under {@code not}. Anything else is a
 * {@link ScimFilterException} with {@code scimType} {@code invalidFilter}. The attributes and their columns are
 * {@link ScimFilterAttribute}.
 */
public final class ScimFilterSql {

    /** Longer filters are refused: no identity provider sends one, and each value becomes a parameter. */
    public static final int MAX_FILTER_LENGTH = 4096;

    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String TRUE = "1 = 1";
    private static final String FALSE = "1 = 0";

    /** A condition on {@code app_user u} and its parameters by name. */
    public record Where(String sql, Map<String, Object> params) {
    }

    private ScimFilterSql() {
    }

    /** The condition of a filter; a null or blank filter is every user ({@code 1 = 1}). */
    public static Where where(String filter) {
        return where(filter, () -> null);
    }

    /**
     * The condition of a filter, where {@code userName eq}/{@code ne} a bare value (without '@') also compares
     * value@defaultDomain ({@link ScimUserNames}); {@code defaultDomain} is asked only then, and may answer null.
     */
    public static Where where(String filter, Supplier<String> defaultDomain) {
        if (filter == null || filter.isBlank()) {
            return new Where(TRUE, Map.of());
        }
        if (filter.length() > MAX_FILTER_LENGTH) {
            throw ScimFilterException.invalidFilter("The filter is longer than " + MAX_FILTER_LENGTH + " characters");
        }
        Filter parsed;
        try {
            parsed = Filter.fromString(ScimFilterValuePaths.inline(filter));
        } catch (BadRequestException | IllegalArgumentException e) {
            throw ScimFilterException.invalidFilter("The filter is not of RFC 7644's grammar: " + e.getMessage());
        }
        Translation translation = new Translation(defaultDomain);
        String sql = translation.sql(parsed, "");
        return new Where(sql, Collections.unmodifiableMap(translation.params));
    }

    /** One filter's translation: its parameters are numbered as they come. */
    private static final class Translation {

        final Map<String, Object> params = new LinkedHashMap<>();
        final Supplier<String> defaultDomain;
        /** Whether {@code emails} attributes are being translated (inside {@link #emails}), and on a stored row. */
        boolean inEmails;
        boolean storedEmails;

        Translation(Supplier<String> defaultDomain) {
            this.defaultDomain = defaultDomain;
        }

        /** A filter inside the value path {@code context} ("" at the top): its attributes are the context's. */
        String sql(Filter filter, String context) {
            FilterType type = filter.getFilterType();
            return switch (type) {
                case AND, OR -> {
                    List<String> parts = new ArrayList<>();
                    for (Filter f : filter.getCombinedFilters()) {
                        parts.add(sql(f, context));
                    }
                    yield "(" + String.join(type == FilterType.AND ? " AND " : " OR ", parts) + ")";
                }
                case NOT -> "NOT (" + sql(filter.getInvertedFilter(), context) + ")";
                case COMPLEX_VALUE -> {
                    List<String> parts = new ArrayList<>();
                    String name = name(filter.getAttributePath(), context, parts);
                    String at = valuePath(name, filter);
                    parts.add(emails(() -> sql(filter.getValueFilter(), at)));
                    yield and(parts);
                }
                default -> attribute(filter, context);
            };
        }

        private String attribute(Filter filter, String context) {
            Path path = filter.getAttributePath();
            if (context.isEmpty() && !inEmails && isEmails(path)) {
                return emails(() -> attribute(filter, context));
            }
            List<String> parts = new ArrayList<>();
            String name = name(path, context, parts);
            ScimFilterAttribute attribute = ScimFilterAttribute.byPath(name);
            if (attribute == null) {
                throw ScimFilterException.invalidFilter("Seatwise does not filter on the attribute '" + path + "'");
            }
            if (storedEmails && name.startsWith("emails") && attribute.stored() != null) {
                attribute = attribute.stored();
            }
            if (attribute.type == Type.PROFILE_TEXT) {
                parts.add(profile(attribute, filter, path.toString()));
                return and(parts);
            }
            parts.add(filter.isPresentFilter() ? present(attribute)
                    : compare(attribute, filter.getFilterType(), filter.getComparisonValue(), path.toString()));
            return and(parts);
        }

        /** Whether a path (of the core User schema) starts at {@code emails}. */
        private static boolean isEmails(Path path) {
            String urn = path.getSchemaUrn();
            return (urn == null || urn.equalsIgnoreCase(CORE_USER)) && path.size() > 0
                    && path.getElement(0).getAttribute().equalsIgnoreCase("emails");
        }

        /**
         * An {@code emails} condition: true for the user name (every user's work email, primary) or for one of the
         * emails stored ({@code scim_user_email e}, V26); {@code translation} is called once for each.
         */
        private String emails(Supplier<String> translation) {
            String virtual;
            String stored;
            inEmails = true;
            try {
                virtual = translation.get();
                if (virtual.equals(TRUE)) {
                    return TRUE;
                }
                storedEmails = true;
                stored = translation.get();
            } finally {
                inEmails = false;
                storedEmails = false;
            }
            String exists = "EXISTS (SELECT 1 FROM scim_user_email e WHERE e.customer_id = u.customer_id"
                    + " AND e.user_id = u.id AND " + stored + ")";
            return virtual.equals(FALSE) ? exists : "(" + virtual + " OR " + exists + ")";
        }

        /**
         * An attribute kept for provisioning only, on the user's row {@code p} of {@code scim_user_profile}: compared
         * without case; a user without the value (or without a row) is equal to nothing and not equal to anything.
         */
        private String profile(ScimFilterAttribute attribute, Filter filter, String path) {
            String exists = "EXISTS (SELECT 1 FROM scim_user_profile p WHERE p.customer_id = u.customer_id"
                    + " AND p.user_id = u.id AND ";
            if (filter.isPresentFilter()) {
                return exists + present(attribute) + ")";
            }
            FilterType op = filter.getFilterType();
            ValueNode value = filter.getComparisonValue();
            if (value == null || value.isNull()) {
                return switch (op) {
                    case EQUAL -> "NOT " + exists + present(attribute) + ")";
                    case NOT_EQUAL -> exists + present(attribute) + ")";
                    default -> throw ScimFilterException.invalidFilter(path + " compares with null by eq or ne only");
                };
            }
            String lower = string(value, path).toLowerCase(Locale.ROOT);
            if (op == FilterType.NOT_EQUAL) {
                return "NOT " + exists + attribute.column + " = " + param(lower) + ")";
            }
            return exists + text(attribute, op, lower) + ")";
        }

        /**
         * The lower-cased dotted name of a path within its context; the conditions of value filters on its way
         * ({@code emails[type eq "work"].value}) are added to {@code conditions}.
         */
        private String name(Path path, String context, List<String> conditions) {
            String urn = path.getSchemaUrn();
            boolean enterprise = urn != null && urn.equalsIgnoreCase(ScimUserProfile.ENTERPRISE);
            if (urn != null && !enterprise && !urn.equalsIgnoreCase(CORE_USER)) {
                throw ScimFilterException.invalidFilter("Seatwise does not filter on attributes of schema " + urn);
            }
            StringBuilder name = new StringBuilder(enterprise && context.isEmpty() ? ScimFilterAttribute.ENTERPRISE
                    : context);
            for (Path.Element element : path) {
                name.append(name.isEmpty() || name.toString().endsWith(":") ? "" : ".")
                        .append(element.getAttribute().toLowerCase(Locale.ROOT));
                if (element.getValueFilter() != null) {
                    String at = name.toString();
                    conditions.add(sql(element.getValueFilter(), valuePath(at, element.getValueFilter())));
                }
            }
            return name.toString();
        }

        /** The context of a value filter: only {@code emails} is a multi-valued attribute Seatwise filters in. */
        private static String valuePath(String name, Filter filter) {
            if (!name.equals("emails")) {
                throw ScimFilterException.invalidFilter("Seatwise filters values in [ ] of emails only, not of '"
                        + name + "' in " + filter);
            }
            return name;
        }

        private static String and(List<String> parts) {
            return parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
        }

        /** {@code pr}: the attribute has a value that is not empty. */
        private static String present(ScimFilterAttribute attribute) {
            return attribute.nullable && (attribute.type == Type.TEXT || attribute.type == Type.PROFILE_TEXT)
                    ? "(" + attribute.column + " IS NOT NULL AND " + attribute.column + " <> '')"
                    : attribute.nullable ? attribute.column + " IS NOT NULL" : TRUE;
        }

        private String compare(ScimFilterAttribute attribute, FilterType op, ValueNode value, String path) {
            if (value == null || value.isNull()) {
                return switch (op) {
                    case EQUAL -> "NOT (" + present(attribute) + ")";
                    case NOT_EQUAL -> present(attribute);
                    default -> throw ScimFilterException.invalidFilter(path + " compares with null by eq or ne only");
                };
            }
            if (attribute == ScimFilterAttribute.USER_NAME && (op == FilterType.EQUAL || op == FilterType.NOT_EQUAL)
                    && path.toLowerCase(Locale.ROOT).endsWith("username") && ScimUserNames.bare(string(value, path))) {
                return bareUserName(attribute, op, string(value, path).toLowerCase(Locale.ROOT));
            }
            return switch (attribute.type) {
                case TEXT -> text(attribute, op, string(value, path).toLowerCase(Locale.ROOT));
                case EXACT_TEXT -> text(attribute, op, string(value, path));
                case ACTIVE -> equality(op, path, !bool(value, path) ? attribute.column : "NOT " + attribute.column);
                case BOOLEAN -> equality(op, path, bool(value, path) ? attribute.column : "NOT " + attribute.column);
                case PROFILE_TEXT -> throw new IllegalStateException("compared by profile(): " + attribute);
                case INSTANT -> ordered(attribute, op, instant(value, path), path);
                case ID -> id(op, value, path);
                case EMAIL_TYPE -> constant(op, string(value, path).toLowerCase(Locale.ROOT));
                case EMAIL_PRIMARY -> equality(op, path, bool(value, path) ? TRUE : FALSE);
            };
        }

        /** {@code userName eq "bare"}: the bare value or value@defaultDomain (ne: neither). */
        private String bareUserName(ScimFilterAttribute attribute, FilterType op, String bare) {
            String completed = ScimUserNames.complete(bare, defaultDomain.get());
            if (completed.equals(bare)) {
                return text(attribute, op, bare);
            }
            String in = attribute.column + " IN (" + param(bare) + ", " + param(completed.toLowerCase(Locale.ROOT))
                    + ")";
            return op == FilterType.EQUAL ? in : "NOT (" + in + ")";
        }

        /** eq is the condition, ne its negation; other operators do not apply. */
        private static String equality(FilterType op, String path, String condition) {
            return switch (op) {
                case EQUAL -> condition;
                case NOT_EQUAL -> "NOT (" + condition + ")";
                default -> throw ScimFilterException.invalidFilter(path + " is a boolean: compare it by eq, ne or pr");
            };
        }

        private String text(ScimFilterAttribute attribute, FilterType op, String value) {
            String column = attribute.column;
            String condition = switch (op) {
                case CONTAINS -> column + " LIKE " + param("%" + like(value) + "%") + " ESCAPE '\\'";
                case STARTS_WITH -> column + " LIKE " + param(like(value) + "%") + " ESCAPE '\\'";
                case ENDS_WITH -> column + " LIKE " + param("%" + like(value)) + " ESCAPE '\\'";
                default -> column + " " + operator(op) + " " + param(value);
            };
            if (!attribute.nullable) {
                return condition;
            }
            // Two-valued, so that "not" finds the users without a value too.
            return op == FilterType.NOT_EQUAL ? "(" + column + " IS NULL OR " + condition + ")"
                    : "(" + column + " IS NOT NULL AND " + condition + ")";
        }

        private String ordered(ScimFilterAttribute attribute, FilterType op, Object value, String path) {
            if (op == FilterType.CONTAINS || op == FilterType.STARTS_WITH || op == FilterType.ENDS_WITH) {
                throw ScimFilterException.invalidFilter(path + " is a date-time: compare it by eq ne gt ge lt le pr");
            }
            return attribute.column + " " + operator(op) + " " + param(value);
        }

        private String id(FilterType op, ValueNode value, String path) {
            String text = string(value, path);
            UUID id;
            try {
                id = UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                // No user has an id that is not a UUID.
                return equality(op, path, FALSE);
            }
            return equality(op, path, "u.id = " + param(id));
        }

        /** {@code emails.type}: every user's one email is of type work. */
        private static String constant(FilterType op, String value) {
            String work = "work";
            boolean matches = switch (op) {
                case EQUAL -> work.equals(value);
                case NOT_EQUAL -> !work.equals(value);
                case CONTAINS -> work.contains(value);
                case STARTS_WITH -> work.startsWith(value);
                case ENDS_WITH -> work.endsWith(value);
                case GREATER_THAN -> work.compareTo(value) > 0;
                case GREATER_OR_EQUAL -> work.compareTo(value) >= 0;
                case LESS_THAN -> work.compareTo(value) < 0;
                default -> work.compareTo(value) <= 0;
            };
            return matches ? TRUE : FALSE;
        }

        private static String operator(FilterType op) {
            return switch (op) {
                case EQUAL -> "=";
                case NOT_EQUAL -> "<>";
                case GREATER_THAN -> ">";
                case GREATER_OR_EQUAL -> ">=";
                case LESS_THAN -> "<";
                case LESS_OR_EQUAL -> "<=";
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            };
        }

        private String param(Object value) {
            String name = "f" + params.size();
            params.put(name, value);
            return ":" + name;
        }

        private static String string(ValueNode value, String path) {
            if (!value.isTextual()) {
                throw ScimFilterException.invalidFilter(path + " is a string: compare it with a value in quotes, not "
                        + value);
            }
            return value.textValue();
        }

        private static boolean bool(ValueNode value, String path) {
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            if (value.isTextual() && (value.textValue().equalsIgnoreCase("true")
                    || value.textValue().equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(value.textValue().toLowerCase(Locale.ROOT));
            }
            throw ScimFilterException.invalidFilter(path + " is a boolean: compare it with true or false, not "
                    + value);
        }

        private static OffsetDateTime instant(ValueNode value, String path) {
            String text = string(value, path);
            try {
                return OffsetDateTime.parse(text).toInstant().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ScimFilterException.invalidFilter(path + " compares with an RFC 3339 date-time such as "
                        + "2026-01-31T12:00:00Z, not '" + text + "'");
            }
        }

        /** The value matched literally by LIKE … ESCAPE '\'. */
        private static String like(String value) {
            return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
