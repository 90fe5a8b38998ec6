package io.seatwise.catalog;

import java.util.Objects;
import java.util.UUID;

/** A product's id: Microsoft's product GUID (Graph's {@code skuId}). */
public record SkuId(UUID value) {

    public SkuId {
        Objects.requireNonNull(value, "skuId");
    }

    public static SkuId of(String text) {
        return new SkuId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
