package io.seatwise.provisioning;

import java.util.Locale;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;

/**
 * A SCIM filter's conditions on what the identity provider sent and Seatwise keeps for provisioning only (V26), each
 * an EXISTS on the user's rows ({@link ScimFilterSql}): on the emails stored ({@code scim_user_email e}), alongside
 * the user name's condition, and on the attributes kept ({@code scim_user_profile p}, {@link ScimFilterAttribute}'s
 * {@code PROFILE_TEXT}). One instance serves one filter's translation, with its {@link ScimFilterComparisons}.
 */
final class ScimFilterProfileSql {

    private final ScimFilterComparisons comparisons;
    /** Whether {@code emails} attributes are being translated (inside {@link #emails}), and on a stored row. */
    private boolean inEmails;
    private boolean storedEmails;

    ScimFilterProfileSql(ScimFilterComparisons comparisons) {
        this.comparisons = comparisons;
    }

    /** Whether a path (of the core User schema) starts at {@code emails} and is not yet inside {@link #emails}. */
    boolean startsEmails(Path path) {
        String urn = path.getSchemaUrn();
        return !inEmails && (urn == null || urn.equalsIgnoreCase(ScimSchemas.USER)) && path.size() > 0
                && path.getElement(0).getAttribute().equalsIgnoreCase("emails");
    }

    /**
     * An {@code emails} condition: true for the user name (every user's work email, primary) or for one of the
     * emails stored ({@code scim_user_email e}, V26); {@code translation} is called once for each.
     */
    String emails(Supplier<String> translation) {
        String virtual;
        String stored;
        inEmails = true;
        try {
            virtual = translation.get();
            if (virtual.equals(ScimFilterComparisons.TRUE)) {
                return ScimFilterComparisons.TRUE;
            }
            storedEmails = true;
            stored = translation.get();
        } finally {
            inEmails = false;
            storedEmails = false;
        }
        String exists = "EXISTS (SELECT 1 FROM scim_user_email e WHERE e.customer_id = u.customer_id"
                + " AND e.user_id = u.id AND " + stored + ")";
        return virtual.equals(ScimFilterComparisons.FALSE) ? exists : "(" + virtual + " OR " + exists + ")";
    }

    /** The attribute a lower-cased path is compared on: in a stored email's row, its column there. */
    ScimFilterAttribute onRow(String name, ScimFilterAttribute attribute) {
        return storedEmails && name.startsWith("emails") && attribute.stored() != null ? attribute.stored() : attribute;
    }

    /**
     * An attribute kept for provisioning only, on the user's row {@code p} of {@code scim_user_profile}: compared
     * without case; a user without the value (or without a row) is equal to nothing and not equal to anything.
     */
    String kept(ScimFilterAttribute attribute, Filter filter, String path) {
        String exists = "EXISTS (SELECT 1 FROM scim_user_profile p WHERE p.customer_id = u.customer_id"
                + " AND p.user_id = u.id AND ";
        String present = ScimFilterComparisons.present(attribute);
        if (filter.isPresentFilter()) {
            return exists + present + ")";
        }
        FilterType op = filter.getFilterType();
        ValueNode value = filter.getComparisonValue();
        if (value == null || value.isNull()) {
            return (ScimFilterComparisons.nullMeansPresent(op, path) ? "" : "NOT ") + exists + present + ")";
        }
        String lower = ScimFilterComparisons.string(value, path).toLowerCase(Locale.ROOT);
        if (op == FilterType.NOT_EQUAL) {
            return "NOT " + exists + attribute.column + " = " + comparisons.param(lower) + ")";
        }
        return exists + comparisons.text(attribute, op, lower) + ")";
    }
}
