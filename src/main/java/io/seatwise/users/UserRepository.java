package io.seatwise.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for user accounts; every query filters by customer_id. */
@Repository
class UserRepository {

    static final String COLUMNS = """
            customer_id, id, user_principal_name, first_name, last_name, display_name, usage_location,
            directory_role, sign_in_blocked, created_at, deleted_at""";

    /** Ids per IN list: well under every driver's parameter limit. */
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;
    private final UserListChanges listChanges;

    private final boolean postgres;

    UserRepository(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template,
            javax.sql.DataSource dataSource, UserListChanges listChanges) {
        this.jdbc = jdbc;
        this.listChanges = listChanges;
        this.template = template;
        this.postgres = Sql.isPostgres(dataSource);
    }

    /** A user to insert in bulk, with the stored form of its temporary password. */
    record Insert(User user, String passwordHash, Instant passwordExpiresAt) {
    }

    /** Inserts users in one go: COPY on PostgreSQL (several times faster than batched inserts), a batch on H2. */
    void insertAll(List<Insert> users) {
        if (users.isEmpty()) {
            return;
        }
        listChanges.added(users.get(0).user().customerId(), users.size());
        if (postgres) {
            copy(users);
            return;
        }
        template.batchUpdate("""
                INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, first_name, last_name,
                  display_name, usage_location, directory_role, sign_in_blocked, password_hash, password_expires_at,
                  must_change_password, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, TRUE, ?, ?)
                """, users, users.size(), (ps, row) -> {
                    User u = row.user();
                    Timestamp at = Timestamp.from(u.createdAt());
                    ps.setObject(1, u.customerId().value());
                    ps.setObject(2, u.id().value());
                    ps.setString(3, u.userPrincipalName());
                    ps.setString(4, u.userPrincipalName().toLowerCase(Locale.ROOT));
                    ps.setString(5, u.firstName());
                    ps.setString(6, u.lastName());
                    ps.setString(7, u.displayName());
                    ps.setString(8, u.usageLocation());
                    ps.setString(9, u.directoryRole().name());
                    ps.setString(10, row.passwordHash());
                    ps.setTimestamp(11, Timestamp.from(row.passwordExpiresAt()));
                    ps.setTimestamp(12, at);
                    ps.setTimestamp(13, at);
                });
    }

    void insert(User user, String passwordHash, Instant passwordExpiresAt) {
        Timestamp at = Timestamp.from(user.createdAt());
        jdbc.sql("""
                INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, first_name, last_name,
                  display_name, usage_location, directory_role, sign_in_blocked, password_hash, password_expires_at,
                  must_change_password, created_at, updated_at)
                VALUES (:c, :id, :upn, :key, :first, :last, :display, :loc, :role, :blocked, :hash, :expires, TRUE,
                  :at, :at)
                """)
                .param("c", user.customerId().value()).param("id", user.id().value())
                .param("upn", user.userPrincipalName())
                .param("key", user.userPrincipalName().toLowerCase(Locale.ROOT))
                .param("first", user.firstName()).param("last", user.lastName()).param("display", user.displayName())
                .param("loc", user.usageLocation()).param("role", user.directoryRole().name())
                .param("blocked", user.signInBlocked()).param("hash", passwordHash)
                .param("expires", Timestamp.from(passwordExpiresAt)).param("at", at).update();
        listChanges.added(user.customerId(), 1);
    }

    void update(User user, Instant at) {
        jdbc.sql("""
                UPDATE app_user SET first_name = :first, last_name = :last, display_name = :display,
                  usage_location = :loc, directory_role = :role, sign_in_blocked = :blocked, updated_at = :at
                WHERE customer_id = :c AND id = :id AND deleted_at IS NULL
                """)
                .param("first", user.firstName()).param("last", user.lastName()).param("display", user.displayName())
                .param("loc", user.usageLocation()).param("role", user.directoryRole().name())
                .param("blocked", user.signInBlocked()).param("at", Timestamp.from(at))
                .param("c", user.customerId().value()).param("id", user.id().value()).update();
        listChanges.changed(user.customerId());
    }

    void setTemporaryPassword(CustomerId customer, UserId id, String hash, Instant expires, Instant at) {
        jdbc.sql("""
                UPDATE app_user SET password_hash = :hash, password_expires_at = :expires,
                  must_change_password = TRUE, updated_at = :at
                WHERE customer_id = :c AND id = :id AND deleted_at IS NULL
                """)
                .param("hash", hash).param("expires", Timestamp.from(expires)).param("at", Timestamp.from(at))
                .param("c", customer.value()).param("id", id.value()).update();
    }

    int activeLicenseCount(CustomerId customer, UserId id) {
        return jdbc.sql("SELECT count(*) FROM license_assignment WHERE customer_id = :c AND user_id = :id "
                        + "AND state = 'ACTIVE'")
                .param("c", customer.value()).param("id", id.value()).query(Integer.class).single();
    }

    /** Marks the user deleted and frees its user name (restore takes it back if nobody took it meanwhile). */
    void softDelete(CustomerId customer, UserId id, Instant at) {
        int n = jdbc.sql("""
                UPDATE app_user SET deleted_at = :at, updated_at = :at, user_name_key = NULL
                WHERE customer_id = :c AND id = :id AND deleted_at IS NULL
                """)
                .param("at", Timestamp.from(at)).param("c", customer.value()).param("id", id.value()).update();
        listChanges.deleted(customer, n);
    }

    /**
     * The customer's users among the ids, deleted or not: one statement whatever the count (PostgreSQL walks the
     * key with {@code = ANY}; H2 joins the array read as a table, since it checks an IN list row by row).
     */
    Map<UserId, User> findAll(CustomerId customer, List<UserId> ids) {
        Map<UserId, User> found = new HashMap<>();
        String from = postgres ? "app_user u WHERE u.customer_id = :c AND u.id = ANY(:ids)"
                : "UNNEST(:ids) AS sel(id) JOIN app_user u ON u.customer_id = :c AND u.id = CAST(sel.id AS UUID)";
        jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "u.$1") + " FROM " + from)
                .param("c", customer.value()).param("ids", Sql.uuidArray(ids.stream().map(UserId::value).toList()))
                .query(UserRepository::user).list().forEach(u -> found.put(u.id(), u));
        return found;
    }

    /** Which of these lower-cased user names a live user holds. */
    Set<String> takenNames(List<String> keys) {
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < keys.size(); i += CHUNK) {
            taken.addAll(jdbc.sql("SELECT user_name_key FROM app_user WHERE user_name_key IN (:keys)")
                    .param("keys", keys.subList(i, Math.min(keys.size(), i + CHUNK))).query(String.class).list());
        }
        return taken;
    }

    /** Brings deleted users back, with their user names: one statement (a MERGE on H2, which has no UPDATE join). */
    void restore(CustomerId customer, List<UserId> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        String sql = postgres ? """
                UPDATE app_user SET deleted_at = NULL, updated_at = :at, user_name_key = lower(user_principal_name)
                WHERE customer_id = :c AND id = ANY(:ids) AND deleted_at IS NOT NULL
                """ : """
                MERGE INTO app_user u USING (SELECT DISTINCT CAST(sel.id AS UUID) AS id FROM UNNEST(:ids) AS sel(id)) s
                ON u.customer_id = :c AND u.id = s.id AND u.deleted_at IS NOT NULL
                WHEN MATCHED THEN UPDATE SET deleted_at = NULL, updated_at = :at,
                  user_name_key = lower(user_principal_name)
                """;
        int n = jdbc.sql(sql).param("at", Timestamp.from(at)).param("c", customer.value())
                .param("ids", Sql.uuidArray(ids.stream().map(UserId::value).toList())).update();
        listChanges.restored(customer, n);
    }

    /** The customer's deleted users, most recently deleted first. */
    PageResult<User> deleted(CustomerId customer, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = :c AND deleted_at IS NOT NULL")
                .param("c", customer.value()).query(Long.class).single();
        List<User> items = jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE customer_id = :c "
                        + "AND deleted_at IS NOT NULL ORDER BY deleted_at DESC, id LIMIT :limit OFFSET :offset")
                .param("c", customer.value()).param("limit", page.size()).param("offset", page.offset())
                .query(UserRepository::user).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Up to {@code limit} users deleted before the cutoff, oldest first: customer -> users. */
    Map<CustomerId, List<UserId>> purgeable(Instant cutoff, int limit) {
        Map<CustomerId, List<UserId>> result = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT customer_id, id FROM app_user WHERE deleted_at < :cutoff ORDER BY deleted_at LIMIT :limit")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit)
                .query(rs -> {
                    result.computeIfAbsent(new CustomerId(rs.getObject(1, UUID.class)), k -> new ArrayList<>())
                            .add(new UserId(rs.getObject(2, UUID.class)));
                });
        return result;
    }

    /** Removes deleted users for good (their licenses are gone already). */
    int purge(CustomerId customer, List<UserId> ids, Instant cutoff) {
        int n = 0;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK)).stream().map(UserId::value).toList();
            n += jdbc.sql("DELETE FROM app_user WHERE customer_id = :c AND id IN (:ids) AND deleted_at < :cutoff")
                    .param("c", customer.value()).param("ids", chunk).param("cutoff", Timestamp.from(cutoff))
                    .update();
        }
        listChanges.purged(customer, n);
        return n;
    }

    private void copy(List<Insert> users) {
        StringBuilder csv = new StringBuilder(users.size() * 200);
        try (org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(csv,
                org.apache.commons.csv.CSVFormat.POSTGRESQL_CSV)) {
            for (Insert row : users) {
                User u = row.user();
                String at = u.createdAt().toString();
                printer.printRecord(u.customerId().value(), u.id().value(), u.userPrincipalName(),
                        u.userPrincipalName().toLowerCase(Locale.ROOT), u.firstName(), u.lastName(), u.displayName(),
                        u.usageLocation(), u.directoryRole().name(), "false", row.passwordHash(),
                        row.passwordExpiresAt().toString(), "true", at, at);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        template.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("""
                        COPY app_user (customer_id, id, user_principal_name, user_name_key, first_name, last_name,
                          display_name, usage_location, directory_role, sign_in_blocked, password_hash,
                          password_expires_at, must_change_password, created_at, updated_at) FROM STDIN (FORMAT csv)
                        """, new java.io.StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
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
