/**
 * The console's user pages: a customer's users tab, Add user, Import users, the new users' password sheet, a
 * user's page (edit, reset password, delete) and Deleted users (restore).
 */
package io.seatwise.users.web;
