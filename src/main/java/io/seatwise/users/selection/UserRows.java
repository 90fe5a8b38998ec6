package io.seatwise.users.selection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Sql;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.User;
import io.seatwise.users.UserId;

/**
 * The one mapping of an {@code app_user} row to a {@link User}, for modules that select users with their own
 * WHERE (SCIM's filter): the columns to select (alias {@code u}) and the row mapper; and the kept number of a
 * customer's users.
 */
public final class UserRows {

    /** The columns a {@link User} is read from, alias {@code u}. */
    public static final String COLUMNS = "u.customer_id, u.id, u.user_principal_name, u.first_name, u.last_name, "
            + "u.display_name, u.usage_location, u.directory_role, u.sign_in_blocked, u.created_at, u.deleted_at, "
            + "u.external_id, u.preferred_language, u.country, u.updated_at";

    /**
     * The number of the customer's users not deleted ({@code :customer}), as the users list keeps it: one row, or
     * none for a customer without a count yet. Exact for any transaction but one that changed the customer's users
     * itself (its changes are counted at its commit).
     */
    public static final String LIVE_COUNT = "SELECT users FROM user_count WHERE customer_id = :customer";

    private UserRows() {
    }

    /** The user of a row read with {@link #COLUMNS} (further columns ignored); a JDBC row mapper. */
    public static User user(ResultSet rs, int n) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getString("user_principal_name"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("display_name"),
                rs.getString("usage_location"), DirectoryRole.valueOf(rs.getString("directory_role")),
                rs.getBoolean("sign_in_blocked"), Sql.instant(rs, "created_at"), Sql.instant(rs, "deleted_at"),
                rs.getString("external_id"), rs.getString("preferred_language"), rs.getString("country"),
                Sql.instant(rs, "updated_at"));
    }
}
