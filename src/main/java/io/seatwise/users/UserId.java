package io.seatwise.users;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import io.seatwise.shared.Ids;
import org.springframework.modulith.NamedInterface;

/** A user account's id (serialisable: console sessions in the database hold it). */
@NamedInterface("api")
public record UserId(@JsonValue UUID value) implements Serializable {

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
