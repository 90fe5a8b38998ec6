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
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.selection.UserRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for user accounts; every query filters by customer_id. */
@Repository
class UserRepository {

    static final String COLUMNS = """
            customer_id, id, user_principal_name, first_name, last_name, display_name, usage_location,
            directory_role, sign_in_blocked, created_at, deleted_at, external_id, preferred_language, country,
            updated_at""";

    /** Ids per IN list: well under every driver's parameter limit. */
    private static final int CHUNK = 1_000;

    /** The columns a new user is written with. */
    private static final List<String> INSERTED = List.of("customer_id", "id", "user_principal_name", "user_name_key",
            "first_name", "last_name", "display_name", "usage_location", "directory_role", "sign_in_blocked",
            "password_hash", "password_expires_at", "must_change_password", "created_at", "updated_at", "external_id",
            "preferred_language", "country");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SqlDialect dialect;
    private final UserListChanges listChanges;

    UserRepository(JdbcClient jdbc, JdbcTemplate template, SqlDialect dialect, UserListChanges listChanges) {
        this.jdbc = jdbc;
        this.template = template;
        this.dialect = dialect;
        this.listChanges = listChanges;
    }

    /** A user to insert, with the stored form of its temporary password (which it must change at sign-in). */
    record Insert(User user, String passwordHash, Instant passwordExpiresAt) {
    }

    /**
     * Inserts users of one customer in one go ({@link SqlDialect#insertRows}: COPY on PostgreSQL, a batch on H2);
     * a user name taken meanwhile fails them all with {@code DuplicateKeyException}.
     */
    void insertAll(List<Insert> users) {
        if (users.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(users.size());
        for (Insert row : users) {
            User u = row.user();
            rows.add(new Object[] {u.customerId().value(), u.id().value(), u.userPrincipalName(),
                    u.userPrincipalName().toLowerCase(Locale.ROOT), u.firstName(), u.lastName(), u.displayName(),
                    u.usageLocation(), u.directoryRole().name(), u.signInBlocked(), row.passwordHash(),
                    row.passwordExpiresAt(), Boolean.TRUE, u.createdAt(), u.createdAt(), u.externalId(),
                    u.preferredLanguage(), u.country()});
        }
        dialect.insertRows(template, "app_user", INSERTED, rows);
        listChanges.added(users.get(0).user().customerId(), users.size());
    }

    /**
     * Writes the user's editable fields (user name and its key included); a user name or external id another user
     * holds fails with {@code DuplicateKeyException}.
     */
    void update(User user, Instant at) {
        jdbc.sql("""
                UPDATE app_user SET user_principal_name = :upn, user_name_key = :key, first_name = :first,
                  last_name = :last, display_name = :display, usage_location = :loc, directory_role = :role,
                  sign_in_blocked = :blocked, external_id = :ext, preferred_language = :lang, country = :country,
                  updated_at = :at
                WHERE customer_id = :c AND id = :id AND deleted_at IS NULL
                """)
                .param("upn", user.userPrincipalName())
                .param("key", user.userPrincipalName().toLowerCase(Locale.ROOT)).param("ext", user.externalId())
                .param("lang", user.preferredLanguage()).param("country", user.country())
                .param("first", user.firstName()).param("last", user.lastName()).param("display", user.displayName())
                .param("loc", user.usageLocation()).param("role", user.directoryRole().name())
                .param("blocked", user.signInBlocked()).param("at", Timestamp.from(at))
                .param("c", user.customerId().value()).param("id", user.id().value()).update();
        listChanges.changed(user.customerId());
    }

    /** Whether a refused write broke the uniqueness of external ids (V23's index) rather than of user names. */
    static boolean externalIdTaken(org.springframework.dao.DuplicateKeyException e) {
        return String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT)
                .contains("app_user_external_id_idx");
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

    /** The customer's users among the ids, deleted or not: one statement whatever the count. */
    Map<UserId, User> findAll(CustomerId customer, List<UserId> ids) {
        Map<UserId, User> found = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS.replaceAll("(\\w+)", "u.$1") + " FROM " + dialect.usersAmongIds())
                .param("c", customer.value()).param("ids", dialect.uuidArray(ids.stream().map(UserId::value).toList()))
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

    /** Brings deleted users back, with their user names: one statement ({@link SqlDialect#restoreUsers}). */
    void restore(CustomerId customer, List<UserId> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        int n = jdbc.sql(dialect.restoreUsers()).param("at", Timestamp.from(at)).param("c", customer.value())
                .param("ids", dialect.uuidArray(ids.stream().map(UserId::value).toList())).update();
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

    Optional<User> find(CustomerId customer, UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE customer_id = :c AND id = :id")
                .param("c", customer.value()).param("id", id.value()).query(UserRepository::user).optional();
    }

    /** As {@link #find}, the row locked until commit. */
    Optional<User> findForUpdate(CustomerId customer, UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE customer_id = :c AND id = :id FOR UPDATE")
                .param("c", customer.value()).param("id", id.value()).query(UserRepository::user).optional();
    }

    /** The one mapping of an {@code app_user} row (of {@link #COLUMNS}, any further columns ignored) to a user. */
    static User user(ResultSet rs, int n) throws SQLException {
        return UserRows.user(rs, n);
    }
}
