package io.seatwise.provisioning;

import io.seatwise.shared.DomainException;

/**
 * A SCIM query the server cannot answer (400): its {@link #scimType()} is the RFC 7644 §3.12 {@code scimType}
 * ({@code invalidFilter} for a filter that is not of the grammar or names an attribute Seatwise does not filter on,
 * {@code invalidValue} for a bad {@code sortBy}/{@code sortOrder}), its message the {@code detail}.
 */
public class ScimFilterException extends DomainException {

    /** The filter is not of RFC 7644's grammar, or compares an attribute Seatwise does not filter on as asked. */
    public static final String INVALID_FILTER = "invalidFilter";
    /** A query parameter other than the filter has a value the server does not accept. */
    public static final String INVALID_VALUE = "invalidValue";

    public ScimFilterException(String scimType, String field, String detail) {
        super(Kind.INVALID, scimType, field, detail, null);
    }

    /** An {@code invalidFilter} error on the {@code filter} parameter. */
    static ScimFilterException invalidFilter(String detail) {
        return new ScimFilterException(INVALID_FILTER, "filter", detail);
    }

    /** The RFC 7644 {@code scimType} of the error. */
    public String scimType() {
        return type();
    }
}
