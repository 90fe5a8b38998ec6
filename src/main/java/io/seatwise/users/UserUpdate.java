package io.seatwise.users;

import java.util.Optional;

import io.seatwise.shared.CleanText;
import io.seatwise.shared.Countries;
import io.seatwise.shared.DomainException;

/**
 * An edit of a user (PATCH): each field {@code null} when left as it is; an empty Optional clears an optional
 * name. Limits as {@link NewUser}.
 */
public record UserUpdate(Optional<String> firstName, Optional<String> lastName, String displayName,
        String usageLocation, DirectoryRole directoryRole, Boolean signInBlocked) {

    public UserUpdate {
        firstName = name(firstName, "firstName", NewUser.MAX_NAME);
        lastName = name(lastName, "lastName", NewUser.MAX_NAME);
        if (displayName != null) {
            displayName = displayName.isBlank() ? "" : CleanText.name(displayName, "displayName");
            if (displayName.isEmpty()) {
                throw DomainException.invalid("validation", "displayName", "displayName cannot be empty");
            }
            if (displayName.length() > NewUser.MAX_DISPLAY_NAME) {
                throw DomainException.invalid("validation", "displayName",
                        "displayName is longer than " + NewUser.MAX_DISPLAY_NAME + " characters");
            }
        }
        if (usageLocation != null) {
            usageLocation = Countries.require(usageLocation.strip(), "usageLocation");
        }
    }

    /** The user with this edit applied. */
    User applyTo(User u) {
        return new User(u.id(), u.customerId(), u.userPrincipalName(),
                firstName == null ? u.firstName() : firstName.orElse(null),
                lastName == null ? u.lastName() : lastName.orElse(null),
                displayName == null ? u.displayName() : displayName,
                usageLocation == null ? u.usageLocation() : usageLocation,
                directoryRole == null ? u.directoryRole() : directoryRole,
                signInBlocked == null ? u.signInBlocked() : signInBlocked, u.createdAt(), u.deletedAt());
    }

    private static Optional<String> name(Optional<String> value, String field, int max) {
        if (value == null) {
            return null;
        }
        Optional<String> v = value.map(s -> CleanText.name(s, field));
        if (v.isPresent() && v.get().length() > max) {
            throw DomainException.invalid("validation", field, field + " is longer than " + max + " characters");
        }
        return v;
    }
}
