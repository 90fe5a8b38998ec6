package io.seatwise.users;

import io.seatwise.shared.DomainException;

/** The users list's order: by display name or user name, ascending or descending; ties broken by id. */
public record UserSort(Field field, boolean descending) {

    /** What to sort by. */
    public enum Field { DISPLAY_NAME, USER_NAME }

    public static final UserSort DEFAULT = new UserSort(Field.DISPLAY_NAME, false);

    /** Parses {@code displayName}, {@code userPrincipalName}, each optionally prefixed with {@code -} (descending). */
    public static UserSort parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String t = text.strip();
        boolean descending = t.startsWith("-");
        String name = descending ? t.substring(1) : t;
        Field field = switch (name) {
            case "displayName" -> Field.DISPLAY_NAME;
            case "userPrincipalName", "userName" -> Field.USER_NAME;
            default -> throw DomainException.invalid("validation", "sort",
                    "sort by displayName or userPrincipalName (prefix - for descending), not '" + text + "'");
        };
        return new UserSort(field, descending);
    }

    UserSort reversed() {
        return new UserSort(field, !descending);
    }

    /**
     * ORDER BY (alias u). The constant customer_id leads so H2 reads the (customer_id, …) index in order too. Display
     * names sort by display_sort, their order for people (V10), not their code points.
     */
    String orderBy() {
        String direction = descending ? " DESC" : "";
        // User names are unique: no tie to break.
        return field == Field.DISPLAY_NAME ? "u.customer_id, u.display_sort" + direction + ", u.id" + direction
                : "u.customer_id, u.user_name_key" + direction;
    }

    /** The column (alias u) a seek starts from: the sort key of the anchor user. */
    String keyColumn() {
        return field == Field.DISPLAY_NAME ? "u.display_sort" : "u.user_name_key";
    }

    /** The users after an anchor in this order, given its key and id as parameters (an index range plus a tie). */
    String beyond(String keyParam, String idParam) {
        String op = descending ? "<" : ">";
        String key = ":" + keyParam;
        return field == Field.DISPLAY_NAME
                ? "(u.display_sort " + op + "= " + key + " AND (u.display_sort " + op + " " + key + " OR u.id " + op
                        + " :" + idParam + "))"
                : "u.user_name_key " + op + " " + key;
    }
}
