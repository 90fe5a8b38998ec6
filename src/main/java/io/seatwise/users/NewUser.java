package io.seatwise.users;

import java.util.Locale;
import java.util.regex.Pattern;

import io.seatwise.shared.Countries;
import io.seatwise.shared.DomainException;

/**
 * The command to create a user, validated on construction. Limits as Partner Center: names up to 50 characters,
 * display name up to 256, user name up to 113 (64 before the @).
 */
public record NewUser(String userPrincipalName, String firstName, String lastName, String displayName,
        String usageLocation, DirectoryRole directoryRole) {

    public static final int MAX_NAME = 50;
    public static final int MAX_DISPLAY_NAME = 256;
    public static final int MAX_USER_NAME = 113;
    private static final Pattern LOCAL_PART = Pattern.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$");

    public NewUser {
        userPrincipalName = userPrincipalName == null ? "" : userPrincipalName.strip();
        if (userPrincipalName.isEmpty()) {
            throw DomainException.invalid("validation", "userPrincipalName", "userPrincipalName is required");
        }
        if (userPrincipalName.length() > MAX_USER_NAME) {
            throw DomainException.invalid("validation", "userPrincipalName",
                    "userPrincipalName is longer than " + MAX_USER_NAME + " characters");
        }
        int at = userPrincipalName.lastIndexOf('@');
        if (at < 1 || at > 64 || !LOCAL_PART.matcher(userPrincipalName.substring(0, at)).matches()) {
            throw DomainException.invalid("validation", "userPrincipalName",
                    "'" + userPrincipalName + "' is not a valid user name (name@domain)");
        }
        userPrincipalName = userPrincipalName.substring(0, at) + "@"
                + userPrincipalName.substring(at + 1).toLowerCase(Locale.ROOT);
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
    }

    public String domain() {
        return userPrincipalName.substring(userPrincipalName.lastIndexOf('@') + 1);
    }

    public NewUser withUsageLocation(String location) {
        return new NewUser(userPrincipalName, firstName, lastName, displayName, location, directoryRole);
    }

    private static String optional(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw DomainException.invalid("validation", field, field + " is longer than " + max + " characters");
        }
        return v;
    }
}
