/**
 * Temporary passwords handed out once: a password sheet holds the users just created (by Add user or an import) with
 * their passwords, sealed, for the agent who created them, until it is downloaded as CSV once and mailed once, or it
 * expires. Its public API: {@link io.seatwise.passwordsheets.PasswordSheets} (the service), the notes the
 * confirmation page shows beside a sheet ({@link io.seatwise.passwordsheets.SheetNotes}) and the
 * {@link io.seatwise.passwordsheets.PasswordsHandedOut} event; the SQL, CSV, sealing and mail are package-private.
 * It depends on no user module: {@code users} and {@code imports} put lines on sheets.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customers", "shared", "web" })
package io.seatwise.passwordsheets;
