package io.seatwise.users;

import java.time.Instant;

import io.seatwise.customers.CustomerId;

/** A customer's user account. */
public record User(UserId id, CustomerId customerId, String userPrincipalName, String firstName, String lastName,
        String displayName, String usageLocation, DirectoryRole directoryRole, boolean signInBlocked,
        Instant createdAt, Instant deletedAt) {
}
