package io.seatwise.passwordsheets;

import java.util.UUID;

import io.seatwise.customers.CustomerId;

/**
 * The temporary passwords of a password sheet were downloaded ({@code mailedTo} null) or mailed (to that address);
 * the activity log listens.
 */
public record PasswordsHandedOut(CustomerId customerId, UUID sheetId, int users, String mailedTo) {
}
