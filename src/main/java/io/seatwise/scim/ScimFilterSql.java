package io.seatwise.scim;

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

import io.seatwise.scim.ScimFilterAttribute.Type;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import io.seatwise.scim.ScimFilterAttribute.Type;

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
                    parts.add(sql(filter.getValueFilter(), valuePath(name, filter)));
                    yield and(parts);
                }
                default -> attribute(filter, context);
            };
        }

        private String attribute(Filter filter, String context) {
            List<String> parts = new ArrayList<>();
            Path path = filter.getAttributePath();
            ScimFilterAttribute attribute = ScimFilterAttribute.byPath(name(path, context, parts));
            if (attribute == null) {
                throw ScimFilterException.invalidFilter("Seatwise does not filter on the attribute '" + path + "'");
            }
            parts.add(filter.isPresentFilter() ? present(attribute)
                    : compare(attribute, filter.getFilterType(), filter.getComparisonValue(), path.toString()));
            return and(parts);
        }

        /**
         * The lower-cased dotted name of a path within its context; the conditions of value filters on its way
         * ({@code emails[type eq "work"].value}) are added to {@code conditions}.
         */
        private String name(Path path, String context, List<String> conditions) {
            String urn = path.getSchemaUrn();
            if (urn != null && !urn.equalsIgnoreCase(CORE_USER)) {
                throw ScimFilterException.invalidFilter("Seatwise does not filter on attributes of schema " + urn);
            }
            StringBuilder name = new StringBuilder(context);
            for (Path.Element element : path) {
                name.append(name.isEmpty() ? "" : ".").append(element.getAttribute().toLowerCase(Locale.ROOT));
                if (element.getValueFilter() != null) {
                    String at = name.toString();
                    conditions.add(sql(element.getValueFilter(), valuePath(at, element.getValueFilter())));
                }
            }
            return name.toString();
        }

        /** The context of a value filter: only {@code emails} has sub-attributes Seatwise keeps. */
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
            return attribute.nullable && attribute.type == Type.TEXT
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
