package io.seatwise.users;

import java.time.Instant;

import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/** A customer's user account. */
@NamedInterface("api")
public record User(UserId id, CustomerId customerId, String userPrincipalName, String firstName, String lastName,
        String displayName, String usageLocation, DirectoryRole directoryRole, boolean signInBlocked,
        Instant createdAt, Instant deletedAt) {
}
