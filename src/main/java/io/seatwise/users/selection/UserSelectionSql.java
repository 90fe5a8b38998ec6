package io.seatwise.users.selection;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.seatwise.users.DirectoryRole;

/**
 * What licensing reads of a selected user (alias {@code u} = {@code app_user}), by column: whether it is deleted,
 * its usage location, and whether it is a Global admin (whose licenses a User management admin may not change).
 */
public final class UserSelectionSql {

    /** The users table with its alias {@code u}, for FROM and JOIN: the alias every fragment here assumes. */
    public static final String USERS = "app_user u";

    /** The columns, in this order: id, deleted_at, usage_location, directory_role. */
    public static final String COLUMNS = "u.id, u.deleted_at, u.usage_location, u.directory_role";

    private static final String GLOBAL_ADMIN = DirectoryRole.GLOBAL_ADMIN.name();

    private UserSelectionSql() {
    }

    /** Whether the row (read with {@link #COLUMNS}) is of a deleted user. */
    public static boolean deleted(ResultSet rs) throws SQLException {
        return rs.getObject("deleted_at") != null;
    }

    /** Whether the row (read with {@link #COLUMNS}) is of a Global admin. */
    public static boolean globalAdmin(ResultSet rs) throws SQLException {
        return GLOBAL_ADMIN.equals(rs.getString("directory_role"));
    }
}
