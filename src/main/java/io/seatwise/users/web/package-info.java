/**
 * The console's user pages: a customer's users tab (filter, search, sort, selection for Manage licenses), Add user
 * (ending on the password sheet's page of {@code passwordsheets.web}), a user's page (edit, reset password, delete)
 * and Deleted users (restore).
 */
package io.seatwise.users.web;
