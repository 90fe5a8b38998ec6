/**
 * The users REST API under {@code /api/v1/customers/{id}/users}: create (optionally onto a password sheet), list,
 * read, edit, delete, reset password; deleted users and their restore.
 */
package io.seatwise.users.api;
