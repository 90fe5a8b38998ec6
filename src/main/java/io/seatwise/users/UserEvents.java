package io.seatwise.users;

import io.seatwise.customers.CustomerId;

/** What the users module tells the rest of the application. */
public final class UserEvents {

    private UserEvents() {
    }

    /** A user account was created. */
    public record UserCreated(CustomerId customerId, UserId userId, String userPrincipalName) {
    }
}
