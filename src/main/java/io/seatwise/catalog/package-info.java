/**
 * The product catalog: products (SKUs), their service plans, where products are offered and which plans exclude or
 * need others, loaded at start-up from the catalog files ({@code seatwise.catalog.*}).
 *
 * <p>Its API is this package's public types: {@link io.seatwise.catalog.CatalogService} (reading the catalog),
 * {@link io.seatwise.catalog.CatalogRules} (the plan rules as plain Java, for licensing) and the catalog's values
 * (products, service plans and their ids). Loading, parsing and SQL are package-private; {@code api} is internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.seatwise.catalog;
