package io.seatwise.provisioning;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.filters.FilterType;
import io.seatwise.provisioning.ScimFilterAttribute.Type;

/**
 * A SCIM filter's comparisons of one attribute's column with one value ({@link ScimFilterSql}), as SQL: strings
 * lower-cased unless the attribute is case-exact, LIKE patterns escaped, a nullable column two-valued so that
 * {@code not} finds the users without a value too, and every value a parameter numbered as it comes ({@code :f0},
 * {@code :f1} …). One instance serves one filter's translation and holds its parameters.
 */
final class ScimFilterComparisons {

    static final String TRUE = "1 = 1";
    static final String FALSE = "1 = 0";

    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Supplier<String> defaultDomain;

    /** {@code defaultDomain} is asked only for {@code userName eq}/{@code ne} a bare value ({@link ScimUserNames}). */
    ScimFilterComparisons(Supplier<String> defaultDomain) {
        this.defaultDomain = defaultDomain;
    }

    /** The parameters of the comparisons made so far, by name. */
    Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /** {@code pr}: the attribute has a value that is not empty. */
    static String present(ScimFilterAttribute attribute) {
        return attribute.nullable && (attribute.type == Type.TEXT || attribute.type == Type.PROFILE_TEXT)
                ? "(" + attribute.column + " IS NOT NULL AND " + attribute.column + " <> '')"
                : attribute.nullable ? attribute.column + " IS NOT NULL" : TRUE;
    }

    /** {@code eq null} is absence and {@code ne null} presence ({@link #present}); other operators refuse null. */
    static boolean nullMeansPresent(FilterType op, String path) {
        return switch (op) {
            case EQUAL -> false;
            case NOT_EQUAL -> true;
            default -> throw ScimFilterException.invalidFilter(path + " compares with null by eq or ne only");
        };
    }

    /** The attribute's column (on {@code app_user u} or a stored email's row) compared with a value. */
    String compare(ScimFilterAttribute attribute, FilterType op, ValueNode value, String path) {
        if (value == null || value.isNull()) {
            return nullMeansPresent(op, path) ? present(attribute) : "NOT (" + present(attribute) + ")";
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
            case PROFILE_TEXT -> throw new IllegalStateException("compared by ScimFilterProfileSql: " + attribute);
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

    /** A string compared: by LIKE for co sw ew, by the operator for the others. */
    String text(ScimFilterAttribute attribute, FilterType op, String value) {
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

    String param(Object value) {
        String name = "f" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    static String string(ValueNode value, String path) {
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
    }}
