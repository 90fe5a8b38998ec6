/**
 * The console's password sheet page: every new user with its temporary password and license outcome, to print, to
 * download as CSV (once) and to mail (once).
 */
package io.seatwise.passwordsheets.web;
