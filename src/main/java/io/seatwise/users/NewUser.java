package io.seatwise.users;

import java.util.Locale;
import java.util.regex.Pattern;

import io.seatwise.shared.CleanText;
import io.seatwise.shared.Countries;
import io.seatwise.shared.DomainException;
import org.springframework.modulith.NamedInterface;

/**
 * The command to create a user, validated on construction. Limits as Partner Center: names up to 50 characters,
 * display name up to 256, user name up to 113 (64 before the @) with a non-empty domain. Names and user name are
 * clean text ({@link CleanText}), names kept in NFC. {@code externalId}, {@code preferredLanguage} and
 * {@code country} are what SCIM provisioning sets (null otherwise), checked as {@link ProvisioningFields} says.
 */
@NamedInterface("api")
public record NewUser(String userPrincipalName, String firstName, String lastName, String displayName,
        String usageLocation, DirectoryRole directoryRole, String externalId, String preferredLanguage,
        String country) {

    public static final int MAX_NAME = 50;
    public static final int MAX_DISPLAY_NAME = 256;
    public static final int MAX_USER_NAME = 113;
    /** The part before the @. */
    public static final int MAX_LOCAL_PART = 64;
    private static final Pattern LOCAL_PART = Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$");

    public NewUser {
        userPrincipalName = userName(userPrincipalName);
        firstName = optional(firstName, "firstName", MAX_NAME);
        lastName = optional(lastName, "lastName", MAX_NAME);
        displayName = optional(displayName, "displayName", MAX_DISPLAY_NAME);
        if (displayName == null) {
            String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
            if (joined.isEmpty()) {
                throw DomainException.invalid("validation", "displayName", "displayName is required");
            }
            displayName = joined;
        }
        if (usageLocation != null && !usageLocation.isBlank()) {
            usageLocation = Countries.require(usageLocation.strip(), "usageLocation");
        } else {
            usageLocation = null;
        }
        directoryRole = directoryRole == null ? DirectoryRole.NONE : directoryRole;
        externalId = ProvisioningFields.externalId(externalId);
        preferredLanguage = ProvisioningFields.preferredLanguage(preferredLanguage);
        country = ProvisioningFields.country(country);
    }

    /** A user made in the console, the API or an import: without the provisioning fields. */
    public NewUser(String userPrincipalName, String firstName, String lastName, String displayName,
            String usageLocation, DirectoryRole directoryRole) {
        this(userPrincipalName, firstName, lastName, displayName, usageLocation, directoryRole, null, null, null);
    }

    /** A user name as given, checked (a validation error otherwise) and as stored ({@link #normalizeUserName}). */
    static String userName(String given) {
        String userPrincipalName = given == null ? "" : CleanText.check(given.strip(), "userPrincipalName");
        if (userPrincipalName.isEmpty()) {
            throw DomainException.invalid("validation", "userPrincipalName", "userPrincipalName is required");
        }
        UserNameFault fault = userNameFault(userPrincipalName);
        if (fault == UserNameFault.TOO_LONG) {
            throw DomainException.invalid("validation", "userPrincipalName",
                    "userPrincipalName is longer than " + MAX_USER_NAME + " characters");
        }
        if (fault != null) {
            throw DomainException.invalid("validation", "userPrincipalName",
                    "'" + userPrincipalName + "' is not a valid user name (name@domain)");
        }
        return normalizeUserName(userPrincipalName);
    }

    /** Why a user name is refused; the CSV import reports these per row where this record throws. */
    @NamedInterface("api")
    public enum UserNameFault { MISSING, TOO_LONG, LOCAL_PART_TOO_LONG, MALFORMED }

    /** What is wrong with a user name (already stripped), or null when it is a valid one. */
    public static UserNameFault userNameFault(String userPrincipalName) {
        if (userPrincipalName.isEmpty()) {
            return UserNameFault.MISSING;
        }
        if (userPrincipalName.length() > MAX_USER_NAME) {
            return UserNameFault.TOO_LONG;
        }
        int at = userPrincipalName.lastIndexOf('@');
        if (at < 1 || at == userPrincipalName.length() - 1) {
            return UserNameFault.MALFORMED;
        }
        if (at > MAX_LOCAL_PART) {
            return UserNameFault.LOCAL_PART_TOO_LONG;
        }
        return LOCAL_PART.matcher(userPrincipalName.substring(0, at)).matches() ? null : UserNameFault.MALFORMED;
    }

    /** A valid user name as stored: the part before the @ as given, the domain lower-cased. */
    public static String normalizeUserName(String userPrincipalName) {
        int at = userPrincipalName.lastIndexOf('@');
        return userPrincipalName.substring(0, at + 1) + userPrincipalName.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return userPrincipalName.substring(userPrincipalName.lastIndexOf('@') + 1);
    }

    public NewUser withUsageLocation(String location) {
        return new NewUser(userPrincipalName, firstName, lastName, displayName, location, directoryRole, externalId,
                preferredLanguage, country);
    }

    /** A name stripped, checked ({@link CleanText}) and in NFC; null when blank. */
    private static String optional(String value, String field, int max) {
        String v = CleanText.name(value, field);
        if (v != null && v.length() > max) {
            throw DomainException.invalid("validation", field, field + " is longer than " + max + " characters");
        }
        return v;
    }
}
