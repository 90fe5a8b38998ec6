package io.seatwise.licensing;

import java.util.List;

import io.seatwise.catalog.SkuId;

/** Manage licenses for a selection: every subscribed product with its seats and how many selected users have it. */
public record LicenseSummary(long selectedUsers, List<ProductSummary> products) {

    /** Whether all, some or none of the selected users have a product (the tri-state checkbox). */
    public enum State { all, some, none }

    /** One subscribed product. */
    public record ProductSummary(SkuId skuId, String skuPartNumber, String productName, int total, int assigned,
            int available, long selectedWithProduct, State state) {
    }
}
