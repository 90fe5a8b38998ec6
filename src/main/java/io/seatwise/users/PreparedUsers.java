package io.seatwise.users;

import java.util.List;

import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/**
 * New users of one customer ready to be written by {@link UserCreation#create(PreparedUsers)}: each checked, with its
 * id and a temporary password drawn and hashed ({@link UserCreation#prepare}). Holds the passwords in clear until it
 * is written and handed out, so it prints none.
 */
@NamedInterface("api")
public final class PreparedUsers {

    private final CustomerId customerId;
    private final List<CreatedUser> users;
    private final List<UserRepository.Insert> inserts;

    PreparedUsers(CustomerId customerId, List<CreatedUser> users, List<UserRepository.Insert> inserts) {
        this.customerId = customerId;
        this.users = List.copyOf(users);
        this.inserts = List.copyOf(inserts);
    }

    public CustomerId customerId() {
        return customerId;
    }

    /** The users in the order they were given, each with its temporary password. */
    public List<CreatedUser> users() {
        return users;
    }

    public int size() {
        return users.size();
    }

    List<UserRepository.Insert> inserts() {
        return inserts;
    }

    @Override
    public String toString() {
        return "PreparedUsers[customer=" + customerId + ", users=" + users.size() + "]";
    }
}
