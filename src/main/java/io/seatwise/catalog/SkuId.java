package io.seatwise.catalog;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** A product's id: Microsoft's product GUID (Graph's {@code skuId}). */
public record SkuId(@JsonValue UUID value) implements Comparable<SkuId> {

    public SkuId {
        Objects.requireNonNull(value, "skuId");
    }

    public static SkuId of(String text) {
        return new SkuId(UUID.fromString(text));
    }

    @Override
    public int compareTo(SkuId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
