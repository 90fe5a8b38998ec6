package io.seatwise.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Sql;
import io.seatwise.users.UserAccounts.Credentials;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for signing in: kept apart from {@link UserRepository} (the lists and the lifecycle), since it reads the
 * password columns that nothing else reads.
 */
@Repository
class UserCredentialsRepository {

    private static final String COLUMNS = UserRepository.COLUMNS
            + ", password_hash, password_expires_at, must_change_password";

    private final JdbcClient jdbc;

    UserCredentialsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credentials> byUserNameKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE user_name_key = :key AND deleted_at IS NULL")
                .param("key", key).query(UserCredentialsRepository::credentials).optional();
    }

    Optional<Credentials> find(CustomerId customer, UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE customer_id = :c AND id = :id")
                .param("c", customer.value()).param("id", id.value())
                .query(UserCredentialsRepository::credentials).optional();
    }

    boolean setChosenPassword(CustomerId customer, UserId id, String hash, Instant at) {
        return jdbc.sql("""
                UPDATE app_user SET password_hash = :hash, must_change_password = FALSE, password_expires_at = NULL,
                  updated_at = :at
                WHERE customer_id = :c AND id = :id AND deleted_at IS NULL
                """)
                .param("hash", hash).param("at", Timestamp.from(at)).param("c", customer.value())
                .param("id", id.value()).update() == 1;
    }

    Optional<Instant> sessionsValidAfter(CustomerId customer, UserId id) {
        return jdbc.sql("SELECT sessions_valid_after FROM app_user WHERE customer_id = :c AND id = :id")
                .param("c", customer.value()).param("id", id.value())
                .query((rs, n) -> Optional.ofNullable(Sql.instant(rs, "sessions_valid_after"))).optional()
                .flatMap(o -> o);
    }

    void setSessionsValidAfter(CustomerId customer, UserId id, Instant at) {
        jdbc.sql("UPDATE app_user SET sessions_valid_after = :at WHERE customer_id = :c AND id = :id")
                .param("at", Timestamp.from(at)).param("c", customer.value()).param("id", id.value()).update();
    }

    private static Credentials credentials(ResultSet rs, int n) throws SQLException {
        return new Credentials(UserRepository.user(rs, n), rs.getString("password_hash"), Sql.instant(rs, "password_expires_at"),
                rs.getBoolean("must_change_password"));
    }
}
