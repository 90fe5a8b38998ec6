package io.seatwise.catalog;

/** A product (SKU) of the catalog. */
public record Product(SkuId skuId, String skuPartNumber, String productName) {
}
