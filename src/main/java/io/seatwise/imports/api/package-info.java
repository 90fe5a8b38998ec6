/**
 * The import REST API under {@code /api/v1/customers/{id}/users/import}: the template, and a file checked
 * ({@code validateOnly}), imported now, or queued as a job ({@code async}).
 */
package io.seatwise.imports.api;
