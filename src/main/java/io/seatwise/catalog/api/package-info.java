/**
 * {@code /api/v1/products}: the catalog as the REST API serves it. Internal to the catalog module (no other module
 * uses it); it reads the catalog through {@link io.seatwise.catalog.CatalogService}.
 */
package io.seatwise.catalog.api;
