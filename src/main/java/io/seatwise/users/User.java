package io.seatwise.users;

import java.time.Instant;

import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/**
 * A customer's user account. {@code externalId} (an identity provider's id for it, unique per customer among users
 * not deleted), {@code preferredLanguage} and {@code country} (of its work address) are kept for SCIM provisioning
 * and null for users made otherwise; {@code updatedAt} is its last change.
 */
@NamedInterface("api")
public record User(UserId id, CustomerId customerId, String userPrincipalName, String firstName, String lastName,
        String displayName, String usageLocation, DirectoryRole directoryRole, boolean signInBlocked,
        Instant createdAt, Instant deletedAt, String externalId, String preferredLanguage, String country,
        Instant updatedAt) {

    /** A user without the provisioning fields, last changed when it was created. */
    public User(UserId id, CustomerId customerId, String userPrincipalName, String firstName, String lastName,
            String displayName, String usageLocation, DirectoryRole directoryRole, boolean signInBlocked,
            Instant createdAt, Instant deletedAt) {
        this(id, customerId, userPrincipalName, firstName, lastName, displayName, usageLocation, directoryRole,
                signInBlocked, createdAt, deletedAt, null, null, null, createdAt);
    }
}
