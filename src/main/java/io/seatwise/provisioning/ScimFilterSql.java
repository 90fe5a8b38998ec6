package io.seatwise.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

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
 * {@link ScimFilterAttribute}; this class walks the filter, {@link ScimFilterComparisons} compares one attribute with
 * one value and {@link ScimFilterProfileSql} makes the EXISTS conditions on the emails and attributes kept.
 */
public final class ScimFilterSql {

    /** Longer filters are refused: no identity provider sends one, and each value becomes a parameter. */
    public static final int MAX_FILTER_LENGTH = 4096;

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
            return new Where(ScimFilterComparisons.TRUE, Map.of());
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
        return new Where(sql, translation.comparisons.params());
    }

    /** One filter's translation: its parameters are numbered as they come. */
    private static final class Translation {

        final ScimFilterComparisons comparisons;
        final ScimFilterProfileSql profile;

        Translation(Supplier<String> defaultDomain) {
            comparisons = new ScimFilterComparisons(defaultDomain);
            profile = new ScimFilterProfileSql(comparisons);
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
                    parts.add(profile.emails(() -> sql(filter.getValueFilter(), at)));
                    yield and(parts);
                }
                default -> attribute(filter, context);
            };
        }

        private String attribute(Filter filter, String context) {
            Path path = filter.getAttributePath();
            if (context.isEmpty() && profile.startsEmails(path)) {
                return profile.emails(() -> attribute(filter, context));
            }
            List<String> parts = new ArrayList<>();
            String name = name(path, context, parts);
            ScimFilterAttribute attribute = ScimFilterAttribute.byPath(name);
            if (attribute == null) {
                throw ScimFilterException.invalidFilter("Seatwise does not filter on the attribute '" + path + "'");
            }
            attribute = profile.onRow(name, attribute);
            if (attribute.type == Type.PROFILE_TEXT) {
                parts.add(profile.kept(attribute, filter, path.toString()));
                return and(parts);
            }
            parts.add(filter.isPresentFilter() ? ScimFilterComparisons.present(attribute) : comparisons.compare(
                    attribute, filter.getFilterType(), filter.getComparisonValue(), path.toString()));
            return and(parts);
        }

        /**
         * The lower-cased dotted name of a path within its context; the conditions of value filters on its way
         * ({@code emails[type eq "work"].value}) are added to {@code conditions}.
         */
        private String name(Path path, String context, List<String> conditions) {
            String urn = path.getSchemaUrn();
            boolean enterprise = urn != null && urn.equalsIgnoreCase(ScimUserProfile.ENTERPRISE);
            if (urn != null && !enterprise && !urn.equalsIgnoreCase(ScimSchemas.USER)) {
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
    }
}
