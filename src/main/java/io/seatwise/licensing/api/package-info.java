/**
 * The licensing REST API under {@code /api/v1/customers/{customerId}}: license changes for a selection or one user
 * ({@code licenseupdates}, with {@code preview=true} and as a job for large selections), one user's licenses, the
 * stored changes with their per-user results (JSON pages and CSV) and their undo, and the Manage-licenses summary of
 * a selection ({@code licensesummary}). A user's failure is {@code Error}: Microsoft's code, the product, a message,
 * and the service plans and products it concerns. Internal to the licensing module.
 */
package io.seatwise.licensing.api;
