package io.seatwise.users;

import io.seatwise.shared.DomainException;

/**
 * Where Next or Previous continue from: the last user of the page before ({@code after}) or the first user of the
 * page after ({@code before}). The list then seeks from that user in its sort order instead of skipping
 * {@code page × size} rows; a user that is not the customer's is ignored and the page number is used.
 */
public record PageAnchor(UserId after, UserId before) {

    public static final PageAnchor NONE = new PageAnchor(null, null);

    public PageAnchor {
        if (after != null && before != null) {
            throw DomainException.invalid("validation", "before", "give after or before, not both");
        }
    }

    public boolean isNone() {
        return after == null && before == null;
    }
}
