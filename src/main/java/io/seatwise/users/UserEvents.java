package io.seatwise.users;

import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/**
 * What the users module tells the rest of the application (the activity log listens). Users created in bulk are
 * told by the module that created them (an import: {@code io.seatwise.imports.UsersImported}).
 */
@NamedInterface("api")
public final class UserEvents {

    private UserEvents() {
    }

    /** A user account was created. */
    @NamedInterface("api")
    public record UserCreated(CustomerId customerId, UserId userId, String userPrincipalName) {
    }

    /** A user was edited; {@code changes} names each changed field with its value before and after. */
    @NamedInterface("api")
    public record UserUpdated(CustomerId customerId, UserId userId, String userPrincipalName,
            java.util.List<FieldChange> changes) {
    }

    /**
     * One edited field (userPrincipalName, firstName, lastName, displayName, usageLocation, directoryRole,
     * signInBlocked, externalId, preferredLanguage, country).
     */
    @NamedInterface("api")
    public record FieldChange(String field, Object before, Object after) {
    }

    /** A user's password was replaced by a new temporary one. */
    @NamedInterface("api")
    public record PasswordReset(CustomerId customerId, UserId userId, String userPrincipalName) {
    }

    /** A user account was deleted (soft: restorable during the retention period). */
    @NamedInterface("api")
    public record UserDeleted(CustomerId customerId, UserId userId, String userPrincipalName, int licensesSuspended) {
    }

    /** Deleted users were restored: one event for the whole request, with counts. */
    @NamedInterface("api")
    public record UsersRestored(CustomerId customerId, int requested, int restored, int failed,
            int licensesRestored, int licensesNotRestored) {
    }

    /** Users past their retention were purged for good (customer null: the whole run). */
    @NamedInterface("api")
    public record UsersPurged(CustomerId customerId, int purged) {
    }
}
