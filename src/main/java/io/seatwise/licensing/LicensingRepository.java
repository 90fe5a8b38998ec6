package io.seatwise.licensing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.rules.UserLicenseState;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserFilterSql;
import io.seatwise.users.UserId;
import io.seatwise.users.UserListChanges;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * SQL of the licensing engine. Bulk work is set-based, a chunk of users at a time: the chunk's per-user outcomes
 * are written in one batch, then each product's assignments are inserted or deleted by one statement for the
 * chunk's users that gain or lose it (their ids travel as one array).
 */
@Repository
class LicensingRepository {

    /** A user whose licenses a User management admin may not change. */
    private static final String GLOBAL_ADMIN = io.seatwise.users.DirectoryRole.GLOBAL_ADMIN.name();

    /** The ids of parameter {@code :ids} as a table {@code sel(id)}, on H2 and PostgreSQL alike. */
    static final String SELECTED = "UNNEST(:ids) AS sel(id)";
    static final int SUCCEEDED = 0;
    static final int FAILED = 1;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final boolean postgres;
    private final java.util.concurrent.atomic.AtomicLong cursors = new java.util.concurrent.atomic.AtomicLong();
    private final UserListChanges listChanges;

    LicensingRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, UserListChanges listChanges) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
        this.listChanges = listChanges;
        this.postgres = isPostgres(dataSource);
    }

    static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            // Guessing would silently pick the H2 variants on PostgreSQL; the database is needed to start anyway.
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    // ---- selection ---------------------------------------------------------------------------------------------

    /**
     * Streams the users matching a filter in id order, a chunk at a time, each chunk with what the rules need: their
     * active licenses of the given products, read by the chunk's id range.
     * <p>
     * PostgreSQL reads them through one cursor. A cursor is planned to deliver its first rows fast, which is a walk
     * of the primary key in order; keyset pages ("id > :after ORDER BY id LIMIT n") were planned, without fresh
     * statistics on a newly filled tenant, as a read and sort of every remaining user for each page: quadratic,
     * 11 s of 31 for 1,000,000 users. H2 walks the index for keyset pages by itself.
     */
    void forEachMatchingChunk(CustomerId customer, UserFilter filter, Set<SkuId> products, int chunk,
            Consumer<Map<UserId, UserLicenseState>> consumer) {
        Map<String, Object> params = new HashMap<>();
        String select = "SELECT u.id, u.deleted_at, u.usage_location, u.directory_role FROM app_user u WHERE "
                + UserFilterSql.where(customer, filter, params);
        if (postgres) {
            String cursor = "matching_users_" + cursors.incrementAndGet();
            jdbc.sql("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + select + " ORDER BY u.id").params(params)
                    .update();
            while (nextChunk(customer, "FETCH FORWARD " + chunk + " FROM " + cursor, Map.of(), products, chunk,
                    consumer) != null) {
                // until a chunk comes back short
            }
            jdbc.sql("CLOSE " + cursor).update();
            return;
        }
        params.put("limit", chunk);
        UUID after = nextChunk(customer, select + " ORDER BY u.id LIMIT :limit", params, products, chunk, consumer);
        while (after != null) {
            params.put("after", after);
            after = nextChunk(customer, select + " AND u.id > :after ORDER BY u.id LIMIT :limit", params, products,
                    chunk, consumer);
        }
    }

    /** Reads and hands over one chunk of users; answers the last user's id, or null when that was the last chunk. */
    private UUID nextChunk(CustomerId customer, String sql, Map<String, Object> params, Set<SkuId> products,
            int chunk, Consumer<Map<UserId, UserLicenseState>> consumer) {
        Map<UserId, UserLicenseState> states = new java.util.LinkedHashMap<>();
        Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses = new HashMap<>();
        UUID[] range = new UUID[2];
        jdbc.sql(sql).params(params).query(rs -> {
            UUID id = rs.getObject(1, UUID.class);
            Map<SkuId, Set<ServicePlanId>> own = new HashMap<>();
            licenses.put(id, own);
            states.put(new UserId(id), new UserLicenseState(new UserId(id), true, rs.getObject(2) != null,
                    rs.getString(3), own, GLOBAL_ADMIN.equals(rs.getString("directory_role"))));
            if (range[0] == null) {
                range[0] = id;
            }
            range[1] = id;
        });
        if (states.isEmpty()) {
            return null;
        }
        loadLicenses(customer, Map.of("first", range[0], "last", range[1]), products, licenses);
        consumer.accept(states);
        return states.size() < chunk ? null : range[1];
    }

    /** Active licenses of the given products, with disabled plans, for the users of a chunk's id range. */
    private void loadLicenses(CustomerId customer, Map<String, Object> range, Set<SkuId> products,
            Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses) {
        if (products.isEmpty() || licenses.isEmpty()) {
            return;
        }
        // Products are filtered here, not in SQL: a product condition tempts H2 into the (customer, sku) index
        // and a scan of every assignment of the product instead of the chunk's range of the primary key.
        jdbc.sql("SELECT a.user_id, a.sku_id FROM license_assignment a WHERE a.customer_id = :c "
                        + "AND a.user_id >= :first AND a.user_id <= :last AND a.state = 'ACTIVE'")
                .param("c", customer.value()).params(range)
                .query(rs -> {
                    Map<SkuId, Set<ServicePlanId>> own = licenses.get(rs.getObject(1, UUID.class));
                    SkuId sku = new SkuId(rs.getObject(2, UUID.class));
                    if (own != null && products.contains(sku)) {
                        own.put(sku, new HashSet<>());
                    }
                });
        loadDisabledPlans(customer, false, range, licenses);
    }

    /** Disabled plans of the licenses already loaded; skipped when no selected user has a product of interest. */
    private void loadDisabledPlans(CustomerId customer, boolean byIds, Map<String, Object> userParams,
            Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses) {
        if (licenses.values().stream().allMatch(Map::isEmpty)) {
            return;
        }
        // By the chunk's id range, or by its ids (as in states()).
        String planFrom = byIds && !postgres ? SELECTED + " JOIN license_disabled_plan a ON a.customer_id = :c "
                + "AND a.user_id = sel.id" : "license_disabled_plan a";
        String planWhere = !byIds ? " WHERE a.customer_id = :c AND a.user_id >= :first AND a.user_id <= :last"
                : postgres ? " WHERE a.customer_id = :c AND a.user_id = ANY(:ids)" : "";
        jdbc.sql("SELECT a.user_id, a.sku_id, a.service_plan_id FROM " + planFrom + planWhere)
                .param("c", customer.value()).params(userParams)
                .query(rs -> {
                    Map<SkuId, Set<ServicePlanId>> own = licenses.get(rs.getObject(1, UUID.class));
                    Set<ServicePlanId> disabled = own == null ? null : own.get(new SkuId(rs.getObject(2, UUID.class)));
                    if (disabled != null) {
                        disabled.add(new ServicePlanId(rs.getObject(3, UUID.class)));
                    }
                });
    }

    // ---- loading what the rules need -----------------------------------------------------------------------------

    /** The users of a chunk with their active licenses (and disabled plans) for the given products. */
    Map<UserId, UserLicenseState> states(CustomerId customer, List<UserId> ids, Set<SkuId> products) {
        // Sorted, the lookups walk the indexes in order instead of jumping around them.
        List<UUID> uuids = ids.stream().map(UserId::value).sorted(UUID_ORDER).toList();
        Map<UserId, UserLicenseState> result = new HashMap<>();
        Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses = new HashMap<>();
        RowCallbackHandler user = rs -> {
            UUID id = rs.getObject(1, UUID.class);
            Map<SkuId, Set<ServicePlanId>> own = licenses.get(id);
            if (own == null) {
                own = new HashMap<>();
                licenses.put(id, own);
                result.put(new UserId(id), new UserLicenseState(new UserId(id), true, rs.getObject(2) != null,
                        rs.getString(3), own, GLOBAL_ADMIN.equals(rs.getString("directory_role"))));
            }
            UUID sku = postgres ? null : rs.getObject(4, UUID.class);
            if (sku != null && products.contains(new SkuId(sku))) {
                own.put(new SkuId(sku), new HashSet<>());
            }
        };
        // The ids travel as one array. PostgreSQL walks its primary keys with "= ANY", once for the users and once
        // for their assignments (a join would look each user's assignments up on its own). H2 compares arrays
        // element by element, so there the array is joined by index, users and their active products in one pass.
        // Products are filtered here, not in SQL, since a product condition tempts H2 into scanning every
        // assignment of the product.
        if (statesByRange(customer, uuids, products, result, licenses)) {
            return fillMissing(ids, result);
        }
        if (postgres) {
            jdbc.sql("SELECT u.id, u.deleted_at, u.usage_location, u.directory_role FROM app_user u "
                            + "WHERE u.customer_id = :c AND u.id = ANY(:ids)")
                    .param("c", customer.value()).param("ids", uuidArray(uuids)).query(user);
            jdbc.sql("SELECT a.user_id, a.sku_id FROM license_assignment a "
                            + "WHERE a.customer_id = :c AND a.user_id = ANY(:ids) AND a.state = 'ACTIVE'")
                    .param("c", customer.value()).param("ids", uuidArray(uuids))
                    .query(rs -> {
                        Map<SkuId, Set<ServicePlanId>> own = licenses.get(rs.getObject(1, UUID.class));
                        SkuId sku = new SkuId(rs.getObject(2, UUID.class));
                        if (own != null && products.contains(sku)) {
                            own.put(sku, new HashSet<>());
                        }
                    });
        } else {
            jdbc.sql("SELECT u.id, u.deleted_at, u.usage_location, a.sku_id, u.directory_role FROM " + SELECTED
                            + " JOIN app_user u "
                            + "ON u.customer_id = :c AND u.id = sel.id LEFT JOIN license_assignment a "
                            + "ON a.customer_id = u.customer_id AND a.user_id = u.id AND a.state = 'ACTIVE'")
                    .param("c", customer.value()).param("ids", uuidArray(uuids)).query(user);
        }
        loadDisabledPlans(customer, true, Map.of("ids", uuidArray(uuids)), licenses);
        return fillMissing(ids, result);
    }

    private static Map<UserId, UserLicenseState> fillMissing(List<UserId> ids, Map<UserId, UserLicenseState> result) {
        for (UserId id : ids) {
            result.putIfAbsent(id, UserLicenseState.missing(id));
        }
        return result;
    }

    /**
     * A dense selection (most users between the first and the last selected id are selected, as when a whole
     * tenant is picked, or an import's new users): the users and their licenses are read by the id range, as for a
     * filter, which is several times cheaper than probing the primary key once per id ({@code = ANY}, or H2 joining
     * the array). The range read stops after twice the chunk's size; if the range holds more users than that, the
     * selection is sparse and the caller probes by id instead. Answers whether the range read was used.
     */
    private boolean statesByRange(CustomerId customer, List<UUID> sorted, Set<SkuId> products,
            Map<UserId, UserLicenseState> result, Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses) {
        if (sorted.size() < DENSE_MINIMUM) {
            return false;
        }
        Set<UUID> wanted = new HashSet<>(sorted);
        int cap = 2 * sorted.size();
        Map<String, Object> range = Map.of("first", sorted.get(0), "last", sorted.get(sorted.size() - 1));
        List<UserLicenseState> found = new ArrayList<>(sorted.size());
        int[] read = new int[1];
        jdbc.sql("SELECT u.id, u.deleted_at, u.usage_location, u.directory_role FROM app_user u WHERE u.customer_id = :c "
                        + "AND u.id >= :first AND u.id <= :last ORDER BY u.id LIMIT :cap")
                .param("c", customer.value()).params(range).param("cap", cap + 1)
                .query(rs -> {
                    read[0]++;
                    UUID id = rs.getObject(1, UUID.class);
                    if (wanted.contains(id)) {
                        found.add(new UserLicenseState(new UserId(id), true, rs.getObject(2) != null,
                                rs.getString(3), new HashMap<>(),
                                GLOBAL_ADMIN.equals(rs.getString("directory_role"))));
                    }
                });
        if (read[0] > cap) {
            return false;
        }
        for (UserLicenseState state : found) {
            result.put(state.userId(), state);
            licenses.put(state.userId().value(), state.licenses());
        }
        loadLicenses(customer, range, products, licenses);
        return true;
    }

    /** Below this many ids a chunk is probed by id: the range read would gain nothing worth a second look. */
    private static final int DENSE_MINIMUM = 1_000;

    // ---- seats -------------------------------------------------------------------------------------------------

    /** Seats of the customer's subscriptions: sku -> {quantity, assigned}. */
    Map<SkuId, int[]> seats(CustomerId customer) {
        Map<SkuId, int[]> result = new HashMap<>();
        jdbc.sql("SELECT sku_id, quantity, assigned FROM subscription WHERE customer_id = :c")
                .param("c", customer.value())
                .query(rs -> {
                    result.put(new SkuId(rs.getObject(1, UUID.class)), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        return result;
    }

    /** Locks a subscription row until commit and answers {quantity, assigned}; {0, 0} when there is none. */
    int[] lockSeats(CustomerId customer, SkuId sku) {
        return jdbc.sql("SELECT quantity, assigned FROM subscription WHERE customer_id = :c AND sku_id = :sku FOR UPDATE")
                .param("c", customer.value()).param("sku", sku.value())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional().orElse(new int[] {0, 0});
    }

    /** Takes n seats in one conditional statement; false when fewer are free. Locks the row until commit. */
    boolean takeSeats(CustomerId customer, SkuId sku, int n) {
        return jdbc.sql("""
                UPDATE subscription SET assigned = assigned + :n
                WHERE customer_id = :c AND sku_id = :sku AND assigned + :n <= quantity
                """)
                .param("n", n).param("c", customer.value()).param("sku", sku.value()).update() == 1;
    }

    void releaseSeats(CustomerId customer, SkuId sku, int n) {
        jdbc.sql("UPDATE subscription SET assigned = assigned - :n WHERE customer_id = :c AND sku_id = :sku")
                .param("n", n).param("c", customer.value()).param("sku", sku.value()).update();
    }

    // ---- the stored change -------------------------------------------------------------------------------------

    void insertChange(CustomerId customer, UUID change, String kind, UUID undoOf, String by, Instant at,
            String assignSpec, String removeSpec) {
        jdbc.sql("""
                INSERT INTO license_change (customer_id, id, kind, undo_of, created_by, created_at, assign_spec,
                  remove_spec, selected, succeeded, failed)
                VALUES (:c, :id, :kind, :undoOf, :by, :at, :assign, :remove, 0, 0, 0)
                """)
                .param("c", customer.value()).param("id", change).param("kind", kind).param("undoOf", undoOf)
                .param("by", by).param("at", Timestamp.from(at)).param("assign", assignSpec)
                .param("remove", removeSpec).update();
    }

    void finishChange(CustomerId customer, UUID change, int selected, int succeeded, int failed) {
        jdbc.sql("""
                UPDATE license_change SET selected = :sel, succeeded = :ok, failed = :failed
                WHERE customer_id = :c AND id = :id
                """)
                .param("sel", selected).param("ok", succeeded).param("failed", failed)
                .param("c", customer.value()).param("id", change).update();
    }

    /** Writes a chunk of per-user outcomes in one batch. */
    void insertOutcomes(CustomerId customer, UUID change, int group, int firstSeq, List<UserOutcome> outcomes) {
        if (postgres) {
            copyOutcomes(customer, change, group, firstSeq, outcomes);
            return;
        }
        if (outcomes.isEmpty()) {
            return;
        }
        // H2: one INSERT … SELECT over arrays (UNNEST zips them) rather than a command per row.
        int n = outcomes.size();
        Object[] users = new Object[n];
        Object[] statuses = new Object[n];
        Object[] codes = new Object[n];
        Object[] skus = new Object[n];
        Object[] errors = new Object[n];
        for (int i = 0; i < n; i++) {
            UserOutcome o = outcomes.get(i);
            LicenseFailure first = o.succeeded() ? null : o.errors().get(0);
            users[i] = o.userId().value();
            statuses[i] = o.succeeded() ? SUCCEEDED : FAILED;
            codes[i] = first == null ? null : first.code();
            skus[i] = first == null || first.skuId() == null ? null : first.skuId().value();
            errors[i] = first == null ? null : ViolationText.encode(o.errors());
        }
        jdbc.sql("""
                INSERT INTO license_change_user (customer_id, change_id, user_id, seq, status, error_code, error_sku,
                  errors, grp)
                SELECT :c, :change, t.u, :first + t.n - 1, t.s, t.code, t.sku, t.errors, :grp
                FROM UNNEST(:users, :statuses, :codes, :skus, :errors) WITH ORDINALITY AS t(u, s, code, sku, errors, n)
                """)
                .param("c", customer.value()).param("change", change).param("first", firstSeq).param("grp", group)
                .param("users", new SqlArrayValue("uuid", users))
                .param("statuses", new SqlArrayValue("integer", statuses))
                .param("codes", new SqlArrayValue("varchar", codes))
                .param("skus", new SqlArrayValue("uuid", skus))
                .param("errors", new SqlArrayValue("varchar", errors))
                .update();
    }

    /**
     * On PostgreSQL the outcomes go in with COPY in its binary form: several times faster than batched inserts for
     * 100,000 rows, and the server parses no text (three UUIDs a row).
     */
    private void copyOutcomes(CustomerId customer, UUID change, int group, int firstSeq, List<UserOutcome> outcomes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(outcomes.size() * 90 + 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(COPY_SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            for (int i = 0; i < outcomes.size(); i++) {
                UserOutcome o = outcomes.get(i);
                out.writeShort(9);
                writeUuid(out, customer.value());
                writeUuid(out, change);
                writeUuid(out, o.userId().value());
                out.writeInt(4);
                out.writeInt(firstSeq + i);
                out.writeInt(2);
                out.writeShort(o.succeeded() ? SUCCEEDED : FAILED);
                out.writeInt(4);
                out.writeInt(group);
                if (o.succeeded()) {
                    out.writeInt(-1);
                    out.writeInt(-1);
                    out.writeInt(-1);
                } else {
                    LicenseFailure first = o.errors().get(0);
                    writeText(out, first.code());
                    writeUuid(out, first.skuId() == null ? null : first.skuId().value());
                    writeText(out, ViolationText.encode(o.errors()));
                }
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY license_change_user (customer_id, "
                    + "change_id, user_id, seq, status, grp, error_code, error_sku, errors) FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(bytes.toByteArray()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not store license change outcomes", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static final byte[] COPY_SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        if (id == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(16);
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /**
     * FROM (and WHERE) of a table's rows, alias a, of the users in {@code :ids} that meet a condition: the array
     * drives one primary-key lookup per id, whatever the statistics say. On PostgreSQL a plain join (or "= ANY")
     * leaves the plan to estimates, and a cached generic plan knows neither the array's length nor, without fresh
     * statistics, how many rows the product has: it may read all of the product's rows and compare each with every
     * id. The lateral subquery (OFFSET 0 keeps it from being flattened) can only be a lookup per id. H2 may put the
     * table first too (through the sku index) and rescan the array for every row; it keeps the order of an outer
     * join, so there the array is left-joined.
     */
    private String rowsOfUsers(String table, String condition) {
        return postgres
                ? " FROM " + SELECTED + " CROSS JOIN LATERAL (SELECT a.ctid, a.* FROM " + table
                        + " a WHERE a.customer_id = :c AND a.user_id = sel.id AND " + condition + " OFFSET 0) a"
                : " FROM " + SELECTED + " LEFT JOIN " + table + " a ON a.customer_id = :c AND a.user_id = sel.id AND "
                        + condition + " WHERE a.user_id IS NOT NULL";
    }

    /** Deletes a table's rows of the users in {@code :ids} that meet the condition (alias a); answers how many. */
    private int deleteOfUsers(String table, String condition, Map<String, Object> params) {
        // PostgreSQL: the rows found as above, deleted by their row ids. H2 has no DELETE … USING and would run
        // "IN (SELECT … FROM UNNEST(…))" as a scan of the table, so there MERGE is driven by the array instead.
        String sql = postgres
                ? "DELETE FROM " + table + " d WHERE d.ctid = ANY(ARRAY(SELECT a.ctid" + rowsOfUsers(table, condition)
                        + "))"
                : "MERGE INTO " + table + " a USING (SELECT sel.id FROM " + SELECTED + ") s ON a.customer_id = :c "
                        + "AND a.user_id = s.id AND " + condition + " WHEN MATCHED THEN DELETE";
        return jdbc.sql(sql).params(params).update();
    }

    /** Remembers, for undo, what these users had of a product before the change touches it. */
    void recordPrior(CustomerId customer, UUID change, SkuId sku, List<UUID> users) {
        jdbc.sql("INSERT INTO license_change_prior (customer_id, change_id, user_id, sku_id) "
                        + "SELECT a.customer_id, :change, a.user_id, a.sku_id"
                        + rowsOfUsers("license_assignment", "a.sku_id = :sku AND a.state = 'ACTIVE'"))
                .param("change", change).param("c", customer.value()).param("sku", sku.value())
                .param("ids", uuidArray(users)).update();
        jdbc.sql("INSERT INTO license_change_prior_plan (customer_id, change_id, user_id, sku_id, service_plan_id) "
                        + "SELECT a.customer_id, :change, a.user_id, a.sku_id, a.service_plan_id"
                        + rowsOfUsers("license_disabled_plan", "a.sku_id = :sku"))
                .param("change", change).param("c", customer.value()).param("sku", sku.value())
                .param("ids", uuidArray(users)).update();
    }

    /**
     * Gives the product to users who lack it; answers how many rows were inserted. A plain insert: the run holds
     * the product's seat pool, so nobody else gave it to these users meanwhile, and a plain insert costs clearly
     * less than ON CONFLICT (speculative insertion). Should a row be there after all (written outside the seat
     * lock), the insert is rolled back to a savepoint and repeated, skipping the rows already there.
     */
    int insertAssignments(CustomerId customer, UUID change, SkuId sku, Instant at, List<UUID> users) {
        listChanges.changed(customer);
        String insert = "INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at, change_id) "
                + "SELECT :c, sel.id, :sku, 'ACTIVE', :at, :change FROM " + SELECTED;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                int inserted = insertAssignments(insert, customer, change, sku, at, users);
                connection.releaseSavepoint(savepoint);
                return inserted;
            } catch (DuplicateKeyException e) {
                connection.rollback(savepoint);
                return insertAssignments(insert + " ON CONFLICT DO NOTHING", customer, change, sku, at, users);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not assign licenses", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private int insertAssignments(String sql, CustomerId customer, UUID change, SkuId sku, Instant at,
            List<UUID> users) {
        return jdbc.sql(sql).param("c", customer.value()).param("sku", sku.value()).param("at", Timestamp.from(at))
                .param("change", change).param("ids", uuidArray(users)).update();
    }

    /**
     * Sets the disabled plans of the product to exactly {@code disabled} for the given users ({@code holding}: those
     * of them that had the product before, whose old disabled plans go first).
     */
    void replaceDisabledPlans(CustomerId customer, SkuId sku, Set<ServicePlanId> disabled, List<UUID> holding,
            List<UUID> users) {
        if (!holding.isEmpty()) {
            deleteOfUsers("license_disabled_plan", "a.sku_id = :sku", Map.of("c", customer.value(), "sku",
                    sku.value(), "ids", uuidArray(holding)));
        }
        for (ServicePlanId plan : disabled.stream().sorted().toList()) {
            jdbc.sql("INSERT INTO license_disabled_plan (customer_id, user_id, sku_id, service_plan_id) "
                            + "SELECT :c, sel.id, :sku, :plan FROM " + SELECTED)
                    .param("c", customer.value()).param("sku", sku.value()).param("plan", plan.value())
                    .param("ids", uuidArray(users)).update();
        }
    }

    /** Takes the product from the given users; answers how many assignments were deleted. */
    int deleteAssignments(CustomerId customer, SkuId sku, List<UUID> users) {
        listChanges.changed(customer);
        Map<String, Object> params = Map.of("c", customer.value(), "sku", sku.value(), "ids", uuidArray(users));
        deleteOfUsers("license_disabled_plan", "a.sku_id = :sku", params);
        return deleteOfUsers("license_assignment", "a.sku_id = :sku AND a.state = 'ACTIVE'", params);
    }

    /** UUIDs in PostgreSQL's order (unsigned, byte by byte), the order of the indexes. */
    static final java.util.Comparator<UUID> UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    static SqlArrayValue uuidArray(List<UUID> ids) {
        return new SqlArrayValue("uuid", ids.toArray());
    }
}
