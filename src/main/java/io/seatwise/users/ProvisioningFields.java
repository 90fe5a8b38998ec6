package io.seatwise.users;

import java.util.regex.Pattern;

import io.seatwise.shared.CleanText;
import io.seatwise.shared.DomainException;

/**
 * Checks of the fields identity providers set through SCIM ({@link NewUser}, {@link UserUpdate}): the external id
 * (case-exact, up to 256 characters), the preferred language (a language tag such as {@code en-US}, RFC 5646's
 * shape, up to 35 characters) and the work address's country (free text up to 64 characters, as RFC 7643 allows).
 * Each is null when blank.
 */
final class ProvisioningFields {

    static final int MAX_EXTERNAL_ID = 256;
    static final int MAX_LANGUAGE = 35;
    static final int MAX_COUNTRY = 64;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$");

    private ProvisioningFields() {
    }

    static String externalId(String value) {
        return limited(value == null || value.isBlank() ? null : CleanText.check(value.strip(), "externalId"),
                "externalId", MAX_EXTERNAL_ID);
    }

    static String preferredLanguage(String value) {
        String v = value == null || value.isBlank() ? null : value.strip().replace('_', '-');
        if (v != null && (v.length() > MAX_LANGUAGE || !LANGUAGE_TAG.matcher(v).matches())) {
            throw DomainException.invalid("validation", "preferredLanguage",
                    "'" + value + "' is not a language tag such as en-US");
        }
        return v;
    }

    static String country(String value) {
        return limited(CleanText.name(value, "country"), "country", MAX_COUNTRY);
    }

    private static String limited(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw DomainException.invalid("validation", field, field + " is longer than " + max + " characters");
        }
        return value;
    }
}
