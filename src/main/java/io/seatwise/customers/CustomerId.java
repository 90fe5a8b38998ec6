package io.seatwise.customers;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import io.seatwise.shared.Ids;

/** A customer tenant's id (serialisable: console sessions in the database hold it). */
public record CustomerId(@JsonValue UUID value) implements Serializable {

    public CustomerId {
        Objects.requireNonNull(value, "customerId");
    }

    public static CustomerId generate() {
        return new CustomerId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
