package io.seatwise.licensing;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserFilterSql;
import io.seatwise.users.UserId;
import io.seatwise.users.UserListChanges;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * SQL of the licensing engine. Bulk work is set-based: the per-user outcomes are written in batches, then each
 * product's assignments are inserted or deleted by one statement driven by those outcomes.
 */
@Repository
class LicensingRepository {

    /** The ids of parameter {@code :ids} as a table {@code sel(id)}, on H2 and PostgreSQL alike. */
    static final String SELECTED = "UNNEST(:ids) AS sel(id)";
    static final int SUCCEEDED = 0;
    static final int FAILED = 1;
    private static final String OK_USERS = """
            a.user_id IN (SELECT cu.user_id FROM license_change_user cu WHERE cu.customer_id = :c
                          AND cu.change_id = :change AND cu.grp = :grp AND cu.status = 0)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final boolean postgres;
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
     * Streams the users matching a filter in id order, a chunk at a time (keyset paging), each chunk with what the
     * rules need: their active licenses of the given products, read by the chunk's id range.
     */
    void forEachMatchingChunk(CustomerId customer, UserFilter filter, Set<SkuId> products, int chunk,
            Consumer<Map<UserId, UserLicenseState>> consumer) {
        UUID after = null;
        while (true) {
            Map<String, Object> params = new HashMap<>();
            String where = UserFilterSql.where(customer, filter, params);
            params.put("limit", chunk);
            if (after != null) {
                params.put("after", after);
            }
            Map<UserId, UserLicenseState> states = new java.util.LinkedHashMap<>();
            Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses = new HashMap<>();
            jdbc.sql("SELECT u.id, u.deleted_at, u.usage_location FROM app_user u WHERE " + where
                            + (after == null ? "" : " AND u.id > :after") + " ORDER BY u.id LIMIT :limit")
                    .params(params)
                    .query(rs -> {
                        UUID id = rs.getObject(1, UUID.class);
                        Map<SkuId, Set<ServicePlanId>> own = new HashMap<>();
                        licenses.put(id, own);
                        states.put(new UserId(id), new UserLicenseState(new UserId(id), true,
                                rs.getObject(2) != null, rs.getString(3), own));
                    });
            if (states.isEmpty()) {
                return;
            }
            List<UUID> ids = List.copyOf(licenses.keySet());
            UUID first = states.keySet().iterator().next().value();
            UUID last = null;
            for (UserId id : states.keySet()) {
                last = id.value();
            }
            loadLicenses(customer, Map.of("first", first, "last", last), products, licenses);
            consumer.accept(states);
            if (ids.size() < chunk) {
                return;
            }
            after = last;
        }
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
    private void loadDisabledPlans(CustomerId customer, boolean joined, Map<String, Object> userParams,
            Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses) {
        if (licenses.values().stream().allMatch(Map::isEmpty)) {
            return;
        }
        String planFrom = joined ? SELECTED + " JOIN license_disabled_plan a ON a.customer_id = :c "
                + "AND a.user_id = sel.id" : "license_disabled_plan a";
        String planWhere = joined ? "" : " WHERE a.customer_id = :c AND a.user_id >= :first AND a.user_id <= :last";
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
        List<UUID> uuids = ids.stream().map(UserId::value).sorted().toList();
        Map<UserId, UserLicenseState> result = new HashMap<>();
        Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses = new HashMap<>();
        // The ids travel as one array. PostgreSQL walks its primary key with "= ANY" (one index scan, whatever
        // the plan cache does); H2 compares arrays element by element, so there the array is joined by index.
        // Users and their active products come in one pass; products are filtered here, not in SQL, since a
        // product condition tempts H2 into scanning every assignment of the product.
        String users = postgres ? "app_user u" : SELECTED + " JOIN app_user u ON u.customer_id = :c AND u.id = sel.id";
        String where = postgres ? " WHERE u.customer_id = :c AND u.id = ANY(:ids)" : "";
        jdbc.sql("SELECT u.id, u.deleted_at, u.usage_location, a.sku_id FROM " + users + " LEFT JOIN "
                        + "license_assignment a ON a.customer_id = u.customer_id AND a.user_id = u.id "
                        + "AND a.state = 'ACTIVE'" + where)
                .param("c", customer.value()).param("ids", uuidArray(uuids))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Map<SkuId, Set<ServicePlanId>> own = licenses.get(id);
                    if (own == null) {
                        own = new HashMap<>();
                        licenses.put(id, own);
                        result.put(new UserId(id), new UserLicenseState(new UserId(id), true,
                                rs.getObject(2) != null, rs.getString(3), own));
                    }
                    UUID sku = rs.getObject(4, UUID.class);
                    if (sku != null && products.contains(new SkuId(sku))) {
                        own.put(new SkuId(sku), new HashSet<>());
                    }
                });
        loadDisabledPlans(customer, true, Map.of("ids", uuidArray(uuids)), licenses);
        for (UserId id : ids) {
            result.putIfAbsent(id, UserLicenseState.missing(id));
        }
        return result;
    }

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

    /** Locks a subscription row and answers its free seats (best-effort changes count down from there). */
    int lockAvailable(CustomerId customer, SkuId sku) {
        return jdbc.sql("SELECT quantity - assigned FROM subscription WHERE customer_id = :c AND sku_id = :sku FOR UPDATE")
                .param("c", customer.value()).param("sku", sku.value()).query(Integer.class).optional().orElse(0);
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
        if (copyOutcomes(customer, change, group, firstSeq, outcomes)) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO license_change_user (customer_id, change_id, user_id, seq, status, error_code, error_sku,
                  errors, grp)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        UserOutcome o = outcomes.get(i);
                        Violation first = o.succeeded() ? null : o.errors().get(0);
                        ps.setObject(1, customer.value());
                        ps.setObject(2, change);
                        ps.setObject(3, o.userId().value());
                        ps.setInt(4, firstSeq + i);
                        ps.setInt(5, o.succeeded() ? SUCCEEDED : FAILED);
                        ps.setString(6, first == null ? null : first.code().name());
                        ps.setObject(7, first == null || first.skuId() == null ? null : first.skuId().value());
                        ps.setString(8, first == null ? null : ViolationText.encode(o.errors()));
                        ps.setInt(9, group);
                    }

                    @Override
                    public int getBatchSize() {
                        return outcomes.size();
                    }
                });
    }

    /**
     * On PostgreSQL the outcomes go in with COPY, several times faster than batched inserts for 100,000 rows.
     * Answers false elsewhere (H2), where batched inserts are used.
     */
    private boolean copyOutcomes(CustomerId customer, UUID change, int group, int firstSeq,
            List<UserOutcome> outcomes) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return false;
            }
            StringBuilder csv = new StringBuilder(outcomes.size() * 100);
            for (int i = 0; i < outcomes.size(); i++) {
                UserOutcome o = outcomes.get(i);
                csv.append(customer.value()).append(',').append(change).append(',').append(o.userId().value())
                        .append(',').append(firstSeq + i).append(',').append(o.succeeded() ? SUCCEEDED : FAILED)
                        .append(',').append(group).append(',');
                if (!o.succeeded()) {
                    Violation first = o.errors().get(0);
                    csv.append(first.code().name()).append(',')
                            .append(first.skuId() == null ? "" : first.skuId().toString()).append(',')
                            .append('"').append(ViolationText.encode(o.errors()).replace("\"", "\"\"")).append('"');
                } else {
                    csv.append(",,");
                }
                csv.append('\n');
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY license_change_user (customer_id, "
                    + "change_id, user_id, seq, status, grp, error_code, error_sku, errors) FROM STDIN (FORMAT csv)",
                    new StringReader(csv.toString()));
            return true;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not store license change outcomes", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Remembers, for undo, what succeeded users had of a product before the change touches it. */
    void recordPrior(CustomerId customer, UUID change, int group, SkuId sku) {
        jdbc.sql("""
                INSERT INTO license_change_prior (customer_id, change_id, user_id, sku_id)
                SELECT a.customer_id, :change, a.user_id, a.sku_id FROM license_assignment a
                WHERE a.customer_id = :c AND a.sku_id = :sku AND a.state = 'ACTIVE' AND
                """ + OK_USERS)
                .param("change", change).param("grp", group).param("c", customer.value()).param("sku", sku.value()).update();
        jdbc.sql("""
                INSERT INTO license_change_prior_plan (customer_id, change_id, user_id, sku_id, service_plan_id)
                SELECT a.customer_id, :change, a.user_id, a.sku_id, a.service_plan_id FROM license_disabled_plan a
                WHERE a.customer_id = :c AND a.sku_id = :sku AND
                """ + OK_USERS)
                .param("change", change).param("grp", group).param("c", customer.value()).param("sku", sku.value()).update();
    }

    /** Gives the product to every succeeded user that lacks it; answers how many rows were inserted. */
    int insertAssignments(CustomerId customer, UUID change, int group, SkuId sku, Instant at) {
        listChanges.changed(customer);
        return jdbc.sql("""
                INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at, change_id)
                SELECT cu.customer_id, cu.user_id, :sku, 'ACTIVE', :at, :change FROM license_change_user cu
                WHERE cu.customer_id = :c AND cu.change_id = :change AND cu.grp = :grp AND cu.status = 0
                ON CONFLICT DO NOTHING
                """)
                .param("sku", sku.value()).param("at", Timestamp.from(at)).param("change", change).param("grp", group)
                .param("c", customer.value()).update();
    }

    /** Sets the disabled plans of the product for every succeeded user to exactly {@code disabled}. */
    void replaceDisabledPlans(CustomerId customer, UUID change, int group, SkuId sku, Set<ServicePlanId> disabled,
            boolean anyHadPlans) {
        if (anyHadPlans) {
            jdbc.sql("DELETE FROM license_disabled_plan a WHERE a.customer_id = :c AND a.sku_id = :sku AND " + OK_USERS)
                    .param("c", customer.value()).param("sku", sku.value()).param("change", change).param("grp", group).update();
        }
        for (ServicePlanId plan : disabled.stream().sorted().toList()) {
            jdbc.sql("""
                    INSERT INTO license_disabled_plan (customer_id, user_id, sku_id, service_plan_id)
                    SELECT cu.customer_id, cu.user_id, :sku, :plan FROM license_change_user cu
                    WHERE cu.customer_id = :c AND cu.change_id = :change AND cu.grp = :grp AND cu.status = 0
                    """)
                    .param("sku", sku.value()).param("plan", plan.value()).param("c", customer.value())
                    .param("change", change).param("grp", group).update();
        }
    }

    /** Takes the product from every succeeded user; answers how many assignments were deleted. */
    int deleteAssignments(CustomerId customer, UUID change, int group, SkuId sku) {
        listChanges.changed(customer);
        jdbc.sql("DELETE FROM license_disabled_plan a WHERE a.customer_id = :c AND a.sku_id = :sku AND " + OK_USERS)
                .param("c", customer.value()).param("sku", sku.value()).param("change", change).param("grp", group).update();
        return jdbc.sql("""
                DELETE FROM license_assignment a
                WHERE a.customer_id = :c AND a.sku_id = :sku AND a.state = 'ACTIVE' AND
                """ + OK_USERS)
                .param("c", customer.value()).param("sku", sku.value()).param("change", change).param("grp", group).update();
    }

    static SqlArrayValue uuidArray(List<UUID> ids) {
        return new SqlArrayValue("uuid", ids.toArray());
    }
}
