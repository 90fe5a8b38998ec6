package io.seatwise.users;

import io.seatwise.customers.CustomerId;

/** What the users module tells the rest of the application (the activity log listens). */
public final class UserEvents {

    private UserEvents() {
    }

    /** A user account was created. */
    public record UserCreated(CustomerId customerId, UserId userId, String userPrincipalName) {
    }

    /** Users were created in one go (an import): one event with counts. */
    public record UsersImported(CustomerId customerId, int created, int rejected, int licensed) {
    }

    /** A user was edited; {@code changes} names each changed field with its value before and after. */
    public record UserUpdated(CustomerId customerId, UserId userId, String userPrincipalName,
            java.util.List<FieldChange> changes) {
    }

    /** One edited field (firstName, lastName, displayName, usageLocation, directoryRole, signInBlocked). */
    public record FieldChange(String field, Object before, Object after) {
    }

    /** A user's password was replaced by a new temporary one. */
    public record PasswordReset(CustomerId customerId, UserId userId, String userPrincipalName) {
    }

    /** A user account was deleted (soft: restorable during the retention period). */
    public record UserDeleted(CustomerId customerId, UserId userId, String userPrincipalName, int licensesSuspended) {
    }

    /** Deleted users were restored: one event for the whole request, with counts. */
    public record UsersRestored(CustomerId customerId, int requested, int restored, int failed,
            int licensesRestored, int licensesNotRestored) {
    }

    /** The temporary passwords of a password sheet were downloaded (to null) or mailed (to an address). */
    public record PasswordsHandedOut(CustomerId customerId, java.util.UUID sheetId, int users, String mailedTo) {
    }

    /** Users past their retention were purged for good (customer null: the whole run). */
    public record UsersPurged(CustomerId customerId, int purged) {
    }
}
