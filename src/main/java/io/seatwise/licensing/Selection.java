package io.seatwise.licensing;

import java.util.LinkedHashSet;
import java.util.List;

import io.seatwise.shared.DomainException;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import org.springframework.modulith.NamedInterface;

/** The users a change or a summary is about: explicit ids, or every user matching a filter. */
@NamedInterface("api")
public sealed interface Selection {

    /** At most this many explicit ids in one request. */
    int MAX_IDS = 100_000;

    /** Explicit users, in the order given, without repeats. */
    @NamedInterface("api")
    record UserIds(List<UserId> ids) implements Selection {

        public UserIds {
            if (ids == null || ids.isEmpty()) {
                throw DomainException.invalid("validation", "userIds", "select at least one user");
            }
            if (ids.size() > MAX_IDS) {
                throw DomainException.invalid("validation", "userIds", "at most " + MAX_IDS + " users per request; "
                        + "use a filter for more");
            }
            ids = List.copyOf(new LinkedHashSet<>(ids));
        }
    }

    /** Every non-deleted user of the customer that matches the filter, at the time the change runs. */
    @NamedInterface("api")
    record Matching(UserFilter filter) implements Selection {
    }
}
