package io.seatwise.licensing;

import io.seatwise.catalog.SkuId;

/** A rule a user's change breaks: the code, the product concerned (may be null) and a readable reason. */
public record Violation(ErrorCode code, SkuId skuId, String message) {
}
