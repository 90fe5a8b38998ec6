package io.seatwise.users;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import io.seatwise.shared.Ids;

/** A user account's id. */
public record UserId(@JsonValue UUID value) {

    public UserId {
        Objects.requireNonNull(value, "userId");
    }

    public static UserId generate() {
        return new UserId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
