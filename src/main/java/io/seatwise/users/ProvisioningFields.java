package io.seatwise.users;

import java.util.regex.Pattern;

import io.seatwise.shared.CleanText;
import io.seatwise.shared.DomainException;

/**
 * Checks of the fields identity providers set through SCIM ({@link NewUser}, {@link UserUpdate}): the external id
 * (case-exact, up to 256 characters), the preferred language (an Accept-Language value as RFC 7643 §4.1.2 says:
 * language tags such as {@code en-US}, optionally several with weights, {@code da, en-gb;q=0.8}; up to 35
 * characters) and the work address's country (free text up to 64 characters, as RFC 7643 allows).
 * Each is null when blank.
 */
final class ProvisioningFields {

    static final int MAX_EXTERNAL_ID = 256;
    static final int MAX_LANGUAGE = 35;
    static final int MAX_COUNTRY = 64;
    /** RFC 4647 §2.1's language range, with RFC 7231 §5.3.5's optional weight. */
    private static final String RANGE = "(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\\*)"
            + "(?:[ \\t]*;[ \\t]*[qQ]=(?:0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?";
    /**
     * RFC 7643 §4.1.2: preferredLanguage has the form of an HTTP Accept-Language value (RFC 7231 §5.3.5), such as
     * {@code en-US} or {@code da, en-gb;q=0.8, en;q=0.7}.
     */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^" + RANGE + "(?:[ \\t]*,[ \\t]*" + RANGE + ")*$");

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
                    "'" + value + "' is not a language tag such as en-US, nor a list of them as in HTTP's Accept-Language"
                            + " (RFC 7643 §4.1.2)");
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
