package io.seatwise.users;

import io.seatwise.shared.DomainException;
import io.seatwise.users.selection.UserFilterSql;
import org.springframework.modulith.NamedInterface;

/** The users list's order: by display name or user name, ascending or descending; ties broken by id. */
@NamedInterface("api")
public record UserSort(Field field, boolean descending) {

    /** What to sort by. */
    @NamedInterface("api")
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
     * names sort by display_sort, their order for people (V10), not their code points. Deleted users have given up
     * their user_name_key (it is NULL so the name can be taken meanwhile): their user names sort by the name itself,
     * ties broken by id (the deleted list is small: no index needed).
     */
    String orderBy(boolean deleted) {
        String direction = descending ? " DESC" : "";
        // User names of users not deleted are unique: no tie to break.
        return "u.customer_id, " + keyColumn(deleted) + direction + (unique(deleted) ? "" : ", u.id" + direction);
    }

    /** The column (alias u) a seek starts from: the sort key of the anchor user. */
    String keyColumn(boolean deleted) {
        return field == Field.DISPLAY_NAME ? "u.display_sort" : UserFilterSql.userNameColumn(deleted);
    }

    /** The users after an anchor in this order, given its key and id as parameters (an index range plus a tie). */
    String beyond(String keyParam, String idParam, boolean deleted) {
        String op = descending ? "<" : ">";
        String key = ":" + keyParam;
        String column = keyColumn(deleted);
        return unique(deleted) ? column + " " + op + " " + key
                : "(" + column + " " + op + "= " + key + " AND (" + column + " " + op + " " + key + " OR u.id " + op
                        + " :" + idParam + "))";
    }

    /** Whether the sort key alone orders the users: the user names of users not deleted. */
    private boolean unique(boolean deleted) {
        return field == Field.USER_NAME && !deleted;
    }
}
