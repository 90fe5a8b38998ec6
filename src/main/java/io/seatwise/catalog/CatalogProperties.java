package io.seatwise.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the catalog comes from. Defaults to Microsoft's public list shipped in the jar; a partner points these at
 * its own files ({@code file:/path/products.csv}).
 */
@ConfigurationProperties("seatwise.catalog")
record CatalogProperties(
        @DefaultValue("classpath:catalog/products.csv") Resource products,
        @DefaultValue("classpath:catalog/product_service_plans.csv") Resource servicePlans,
        @DefaultValue("classpath:catalog/mutually_exclusive_plans.csv") Resource exclusions,
        @DefaultValue("classpath:catalog/rules.csv") Resource rules) {
}
