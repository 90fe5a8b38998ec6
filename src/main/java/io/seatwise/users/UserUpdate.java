package io.seatwise.users;

import java.util.Optional;

import io.seatwise.shared.CleanText;
import io.seatwise.shared.Countries;
import io.seatwise.shared.DomainException;
import org.springframework.modulith.NamedInterface;

/**
 * An edit of a user (PATCH): each field {@code null} when left as it is; an empty Optional clears an optional
 * field. Limits as {@link NewUser}. {@code userPrincipalName} renames the user (to a name in one of the customer's
 * domains that no other user holds); {@code externalId}, {@code preferredLanguage} and {@code country} are SCIM
 * provisioning's ({@link ProvisioningFields}).
 */
@NamedInterface("api")
public record UserUpdate(Optional<String> firstName, Optional<String> lastName, String displayName,
        String usageLocation, DirectoryRole directoryRole, Boolean signInBlocked, String userPrincipalName,
        Optional<String> externalId, Optional<String> preferredLanguage, Optional<String> country) {

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
        userPrincipalName = userPrincipalName == null ? null : NewUser.userName(userPrincipalName);
        externalId = externalId == null ? null : Optional.ofNullable(ProvisioningFields.externalId(
                externalId.orElse(null)));
        preferredLanguage = preferredLanguage == null ? null : Optional.ofNullable(
                ProvisioningFields.preferredLanguage(preferredLanguage.orElse(null)));
        country = country == null ? null : Optional.ofNullable(ProvisioningFields.country(country.orElse(null)));
    }

    /** An edit of the console and the API: names, usage location, role, sign-in blocking. */
    public UserUpdate(Optional<String> firstName, Optional<String> lastName, String displayName,
            String usageLocation, DirectoryRole directoryRole, Boolean signInBlocked) {
        this(firstName, lastName, displayName, usageLocation, directoryRole, signInBlocked, null, null, null, null);
    }

    /** The user with this edit applied. */
    User applyTo(User u) {
        return new User(u.id(), u.customerId(), userPrincipalName == null ? u.userPrincipalName() : userPrincipalName,
                firstName == null ? u.firstName() : firstName.orElse(null),
                lastName == null ? u.lastName() : lastName.orElse(null),
                displayName == null ? u.displayName() : displayName,
                usageLocation == null ? u.usageLocation() : usageLocation,
                directoryRole == null ? u.directoryRole() : directoryRole,
                signInBlocked == null ? u.signInBlocked() : signInBlocked, u.createdAt(), u.deletedAt(),
                externalId == null ? u.externalId() : externalId.orElse(null),
                preferredLanguage == null ? u.preferredLanguage() : preferredLanguage.orElse(null),
                country == null ? u.country() : country.orElse(null), u.updatedAt());
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
