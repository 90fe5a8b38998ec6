package io.seatwise.shared;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as usage locations and customer countries use them. */
public final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == 2 && CODES.contains(code.toUpperCase(Locale.ROOT));
    }

    /** Upper-cased code, or a validation error naming {@code field}. */
    public static String require(String code, String field) {
        if (!isValid(code)) {
            throw DomainException.invalid("validation", field, "'" + code + "' is not an ISO 3166 country code");
        }
        return code.toUpperCase(Locale.ROOT);
    }
}
