package io.seatwise.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for user accounts; every query filters by customer_id. */
@Repository
class UserRepository {

    static final String COLUMNS = """
            customer_id, id, user_principal_name, first_name, last_name, display_name, usage_location,
            directory_role, sign_in_blocked, created_at, deleted_at""";

    private final JdbcClient jdbc;
    private final UserListChanges listChanges;

    UserRepository(JdbcClient jdbc, UserListChanges listChanges) {
        this.jdbc = jdbc;
        this.listChanges = listChanges;
    }

    void insert(User user) {
        Timestamp at = Timestamp.from(user.createdAt());
        jdbc.sql("""
                INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, first_name, last_name,
                  display_name, usage_location, directory_role, sign_in_blocked, created_at, updated_at)
                VALUES (:c, :id, :upn, :key, :first, :last, :display, :loc, :role, :blocked, :at, :at)
                """)
                .param("c", user.customerId().value()).param("id", user.id().value())
                .param("upn", user.userPrincipalName())
                .param("key", user.userPrincipalName().toLowerCase(Locale.ROOT))
                .param("first", user.firstName()).param("last", user.lastName()).param("display", user.displayName())
                .param("loc", user.usageLocation()).param("role", user.directoryRole().name())
                .param("blocked", user.signInBlocked()).param("at", at).update();
        listChanges.added(user.customerId(), 1);
    }

    boolean userNameTaken(String userPrincipalName) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE user_name_key = :k")
                .param("k", userPrincipalName.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    Optional<User> find(CustomerId customer, UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE customer_id = :c AND id = :id")
                .param("c", customer.value()).param("id", id.value()).query(UserRepository::user).optional();
    }

    static User user(ResultSet rs, int n) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getString("user_principal_name"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("display_name"),
                rs.getString("usage_location"), DirectoryRole.valueOf(rs.getString("directory_role")),
                rs.getBoolean("sign_in_blocked"), Sql.instant(rs, "created_at"), Sql.instant(rs, "deleted_at"));
    }

}
