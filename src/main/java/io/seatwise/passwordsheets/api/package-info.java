/**
 * The password sheets REST API under {@code /api/v1/customers/{id}/passwordsheets/{sheetId}}: its state, the CSV
 * (once), the mail (once).
 */
package io.seatwise.passwordsheets.api;
