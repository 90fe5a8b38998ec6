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

    String orderBy() {
        String column = field == Field.DISPLAY_NAME ? "u.display_name" : "u.user_name_key";
        String direction = descending ? " DESC" : "";
        return column + direction + ", u.id" + direction;
    }
}
