package io.seatwise.licensing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.Sql;
import io.seatwise.users.UserFilterSql;
import io.seatwise.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read side of licensing: summaries for a selection, stored changes and their per-user results. */
@Repository
class LicenseQueries {

    private final JdbcClient jdbc;
    private final boolean postgres;

    LicenseQueries(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = LicensingRepository.isPostgres(dataSource);
    }

    /**
     * FROM and WHERE (alias u = app_user) of the selection. Explicit ids travel as one array: PostgreSQL probes it
     * as a hash ({@code = ANY}), H2 joins it by index ({@code UNNEST}), since H2 compares an array element by element.
     */
    private String selectionFrom(CustomerId customer, Selection selection, Map<String, Object> params) {
        if (selection instanceof Selection.UserIds ids) {
            params.put("customer", customer.value());
            params.put("ids", LicensingRepository.uuidArray(ids.ids().stream().map(UserId::value).toList()));
            if (postgres) {
                return " FROM app_user u WHERE u.customer_id = :customer AND u.deleted_at IS NULL AND u.id = ANY(:ids)";
            }
            return " FROM " + LicensingRepository.SELECTED
                    + " JOIN app_user u ON u.customer_id = :customer AND u.id = sel.id WHERE u.deleted_at IS NULL";
        }
        return " FROM app_user u WHERE "
                + UserFilterSql.where(customer, ((Selection.Matching) selection).filter(), params);
    }

    /** H2 caps an array at 65,536 elements: explicit selections are queried in parts and the counts added. */
    static final int ARRAY_PART = 50_000;

    private List<Selection> parts(Selection selection) {
        if (!postgres && selection instanceof Selection.UserIds ids && ids.ids().size() > ARRAY_PART) {
            List<Selection> parts = new ArrayList<>();
            for (int i = 0; i < ids.ids().size(); i += ARRAY_PART) {
                parts.add(new Selection.UserIds(ids.ids().subList(i, Math.min(ids.ids().size(), i + ARRAY_PART))));
            }
            return parts;
        }
        return List.of(selection);
    }

    /** How many of the selected users exist (not deleted), and how many of them hold each product. */
    record SelectionCounts(long selected, Map<SkuId, Long> holders) {
    }

    /**
     * The counts of an explicit selection that is dense (most users between its first and its last id are selected,
     * as when a whole tenant is ticked), read by id range: two index range reads, checked against the ids in
     * memory, instead of one primary key probe per id in each of two queries. Empty for a small or sparse selection:
     * the range read stops after twice as many users as selected.
     */
    Optional<SelectionCounts> denseCounts(CustomerId customer, Selection selection) {
        if (!(selection instanceof Selection.UserIds ids) || ids.ids().size() < DENSE_MINIMUM) {
            return Optional.empty();
        }
        List<UUID> sorted = ids.ids().stream().map(UserId::value).sorted(LicensingRepository.UUID_ORDER).toList();
        Set<UUID> wanted = new java.util.HashSet<>(sorted);
        int cap = 2 * sorted.size();
        Map<String, Object> range = Map.of("c", customer.value(), "first", sorted.get(0),
                "last", sorted.get(sorted.size() - 1));
        Set<UUID> found = new java.util.HashSet<>(sorted.size() * 2);
        int[] read = new int[1];
        jdbc.sql("SELECT u.id FROM app_user u WHERE u.customer_id = :c AND u.id >= :first AND u.id <= :last "
                        + "AND u.deleted_at IS NULL LIMIT :cap")
                .params(range).param("cap", cap + 1)
                .query(rs -> {
                    read[0]++;
                    UUID id = rs.getObject(1, UUID.class);
                    if (wanted.contains(id)) {
                        found.add(id);
                    }
                });
        if (read[0] > cap) {
            return Optional.empty();
        }
        Map<SkuId, Long> holders = new HashMap<>();
        jdbc.sql("SELECT a.user_id, a.sku_id FROM license_assignment a WHERE a.customer_id = :c "
                        + "AND a.user_id >= :first AND a.user_id <= :last AND a.state = 'ACTIVE'")
                .params(range)
                .query(rs -> {
                    if (found.contains(rs.getObject(1, UUID.class))) {
                        holders.merge(new SkuId(rs.getObject(2, UUID.class)), 1L, Long::sum);
                    }
                });
        return Optional.of(new SelectionCounts(found.size(), holders));
    }

    /** Below this many ids a selection is probed by id. */
    private static final int DENSE_MINIMUM = 1_000;

    long selectedCount(CustomerId customer, Selection selection) {
        return parts(selection).stream().mapToLong(part -> selectedCountOfPart(customer, part)).sum();
    }

    private long selectedCountOfPart(CustomerId customer, Selection selection) {
        Map<String, Object> params = new HashMap<>();
        String from = selectionFrom(customer, selection, params);
        return jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
    }

    /** How many selected users have each product (active assignments). */
    Map<SkuId, Long> holders(CustomerId customer, Selection selection) {
        Map<SkuId, Long> result = new HashMap<>();
        parts(selection).forEach(part -> holdersOfPart(customer, part, result));
        return result;
    }

    private void holdersOfPart(CustomerId customer, Selection selection, Map<SkuId, Long> result) {
        if (selection instanceof Selection.UserIds ids) {
            // Deleted users hold no active assignment (theirs are suspended), so no join with app_user is needed.
            String sql = postgres
                    ? "SELECT a.sku_id, count(*) FROM license_assignment a WHERE a.customer_id = :c "
                            + "AND a.state = 'ACTIVE' AND a.user_id = ANY(:ids) GROUP BY a.sku_id"
                    : "SELECT a.sku_id, count(*) FROM " + LicensingRepository.SELECTED + " JOIN license_assignment a "
                            + "ON a.customer_id = :c AND a.user_id = sel.id WHERE a.state = 'ACTIVE' GROUP BY a.sku_id";
            jdbc.sql(sql)
                    .param("c", customer.value())
                    .param("ids", LicensingRepository.uuidArray(ids.ids().stream().map(UserId::value).toList()))
                    .query(rs -> {
                        result.merge(new SkuId(rs.getObject(1, UUID.class)), rs.getLong(2), Long::sum);
                    });
            return;
        }
        Map<String, Object> params = new HashMap<>();
        String from = selectionFrom(customer, selection, params);
        jdbc.sql("SELECT a.sku_id, count(*) FROM (SELECT u.id, u.customer_id" + from + ") s "
                        + "JOIN license_assignment a ON a.customer_id = s.customer_id AND a.user_id = s.id "
                        + "WHERE a.state = 'ACTIVE' GROUP BY a.sku_id")
                .params(params)
                .query(rs -> {
                    result.merge(new SkuId(rs.getObject(1, UUID.class)), rs.getLong(2), Long::sum);
                });
    }

    /** The selected users that have a product, by display name, with that product's disabled plans. */
    PageResult<LicenseHolder> holdersOf(CustomerId customer, Selection selection, SkuId sku, PageRequest page) {
        List<Selection> parts = parts(selection);
        if (parts.size() > 1) {
            return holdersOfLargeSelection(customer, parts, sku, page);
        }
        Map<String, Object> params = new HashMap<>();
        String from = holdersFrom(customer, selection, sku, params);
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<LicenseHolder> items = jdbc.sql("SELECT u.id, u.user_principal_name, u.display_name" + from
                        + " ORDER BY u.display_sort, u.id LIMIT :limit OFFSET :offset")
                .params(params).query(LicenseQueries::holder).list();
        return new PageResult<>(withDisabledPlans(customer, sku, items), total, page.page(), page.size());
    }

    /** Explicit selections past one array: the holders' names are gathered part by part, sorted and paged here. */
    private PageResult<LicenseHolder> holdersOfLargeSelection(CustomerId customer, List<Selection> parts, SkuId sku,
            PageRequest page) {
        List<LicenseHolder> all = new ArrayList<>();
        for (Selection part : parts) {
            Map<String, Object> params = new HashMap<>();
            all.addAll(jdbc.sql("SELECT u.id, u.user_principal_name, u.display_name"
                    + holdersFrom(customer, part, sku, params)).params(params).query(LicenseQueries::holder).list());
        }
        // The database's order of names (V10), which SortKeys gives H2, the only database that comes here.
        all.sort(java.util.Comparator.comparing((LicenseHolder h) -> io.seatwise.shared.SortKeys.of(h.displayName()))
                .thenComparing(h -> h.userId().value(), LicensingRepository.UUID_ORDER));
        int from = (int) Math.min(all.size(), page.offset());
        List<LicenseHolder> items = all.subList(from, Math.min(all.size(), from + page.size()));
        return new PageResult<>(withDisabledPlans(customer, sku, items), all.size(), page.page(), page.size());
    }

    /** FROM and WHERE of the selected users holding a product. */
    private String holdersFrom(CustomerId customer, Selection selection, SkuId sku, Map<String, Object> params) {
        String selected = selectionFrom(customer, selection, params);
        params.put("sku", sku.value());
        return selected + " AND EXISTS (SELECT 1 FROM license_assignment a WHERE a.customer_id = u.customer_id "
                + "AND a.user_id = u.id AND a.state = 'ACTIVE' AND a.sku_id = :sku)";
    }

    private static LicenseHolder holder(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new LicenseHolder(new UserId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
                new ArrayList<>());
    }

    /** Fills in each holder's disabled plans of the product, one query for the page. */
    private List<LicenseHolder> withDisabledPlans(CustomerId customer, SkuId sku, List<LicenseHolder> holders) {
        if (holders.isEmpty()) {
            return List.of();
        }
        Map<UUID, LicenseHolder> byId = new LinkedHashMap<>();
        holders.forEach(h -> byId.put(h.userId().value(), h));
        jdbc.sql("SELECT d.user_id, d.service_plan_id FROM " + LicensingRepository.SELECTED
                        + " JOIN license_disabled_plan d ON d.customer_id = :c AND d.user_id = sel.id "
                        + "WHERE d.sku_id = :sku ORDER BY d.service_plan_id")
                .param("c", customer.value()).param("sku", sku.value())
                .param("ids", LicensingRepository.uuidArray(List.copyOf(byId.keySet())))
                .query(rs -> {
                    byId.get(rs.getObject(1, UUID.class)).disabledPlans()
                            .add(new ServicePlanId(rs.getObject(2, UUID.class)));
                });
        return List.copyOf(byId.values());
    }

    private static final String CHANGE_COLUMNS = """
            id, kind, undo_of, undone_by, created_by, created_at, assign_spec, remove_spec, selected, succeeded,
            failed""";

    Optional<StoredChange> change(CustomerId customer, UUID id) {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM license_change WHERE customer_id = :c AND id = :id")
                .param("c", customer.value()).param("id", id).query(LicenseQueries::storedChange).optional();
    }

    private static StoredChange storedChange(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredChange(rs.getObject("id", UUID.class), rs.getString("kind"),
                rs.getObject("undo_of", UUID.class), rs.getObject("undone_by", UUID.class),
                rs.getString("created_by"), Sql.instant(rs, "created_at"), rs.getString("assign_spec"),
                rs.getString("remove_spec"), rs.getInt("selected"), rs.getInt("succeeded"), rs.getInt("failed"));
    }

    /** A page of the customer's stored changes, newest first. */
    io.seatwise.shared.PageResult<StoredChange> changes(CustomerId customer, io.seatwise.shared.PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM license_change WHERE customer_id = :c")
                .param("c", customer.value()).query(Long.class).single();
        List<StoredChange> items = jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM license_change WHERE customer_id = :c "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("c", customer.value()).param("limit", page.size()).param("offset", page.offset())
                .query(LicenseQueries::storedChange).list();
        return new io.seatwise.shared.PageResult<>(items, total, page.page(), page.size());
    }

    /** Marks a change undone; false when it already was (two undos racing). */
    boolean markUndone(CustomerId customer, UUID id, UUID undo) {
        return jdbc.sql("UPDATE license_change SET undone_by = :undo WHERE customer_id = :c AND id = :id "
                        + "AND undone_by IS NULL")
                .param("undo", undo).param("c", customer.value()).param("id", id).update() == 1;
    }

    /** A page of a stored change's per-user results in selection order, with each user's licenses now. */
    PageResult<UserResult> results(CustomerId customer, UUID change, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM license_change_user WHERE customer_id = :c AND change_id = :id")
                .param("c", customer.value()).param("id", change).query(Long.class).single();
        List<Object[]> rows = jdbc.sql("""
                SELECT cu.user_id, u.user_principal_name, u.display_name, cu.status, cu.errors
                FROM license_change_user cu
                LEFT JOIN app_user u ON u.customer_id = cu.customer_id AND u.id = cu.user_id
                WHERE cu.customer_id = :c AND cu.change_id = :id ORDER BY cu.seq LIMIT :limit OFFSET :offset
                """)
                .param("c", customer.value()).param("id", change).param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5)})
                .list();
        Map<UUID, List<SkuId>> licenses = licensesOf(customer, rows.stream().map(r -> (UUID) r[0]).toList());
        List<UserResult> items = rows.stream().map(r -> new UserResult(new UserId((UUID) r[0]), (String) r[1],
                (String) r[2], (Integer) r[3] == LicensingRepository.SUCCEEDED, ViolationText.decode((String) r[4]),
                licenses.getOrDefault((UUID) r[0], List.of()))).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** The first {@code limit} users a stored change failed, in the change's order, with why. */
    List<UserOutcome> failures(CustomerId customer, UUID change, int limit) {
        return jdbc.sql("""
                SELECT user_id, errors FROM license_change_user
                WHERE customer_id = :c AND change_id = :id AND status = :failed ORDER BY seq LIMIT :limit
                """)
                .param("c", customer.value()).param("id", change).param("failed", LicensingRepository.FAILED)
                .param("limit", limit)
                .query((rs, n) -> UserOutcome.failed(new UserId(rs.getObject(1, UUID.class)),
                        ViolationText.decode(rs.getString(2))))
                .list();
    }

    private Map<UUID, List<SkuId>> licensesOf(CustomerId customer, List<UUID> users) {
        Map<UUID, List<SkuId>> result = new HashMap<>();
        if (users.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT a.user_id, a.sku_id FROM " + LicensingRepository.SELECTED + " JOIN license_assignment a "
                        + "ON a.customer_id = :c AND a.user_id = sel.id WHERE a.state = 'ACTIVE' ORDER BY a.sku_id")
                .param("c", customer.value()).param("ids", LicensingRepository.uuidArray(users))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SkuId(rs.getObject(2, UUID.class)));
                });
        return result;
    }

    /** A user's active licenses with their disabled plans, by product name. */
    List<UserLicense> licenses(CustomerId customer, UserId user) {
        Map<SkuId, UserLicense> result = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.sku_id, p.sku_part_number, p.product_name FROM license_assignment a
                JOIN product p ON p.sku_id = a.sku_id
                WHERE a.customer_id = :c AND a.user_id = :u AND a.state = 'ACTIVE' ORDER BY p.product_name
                """)
                .param("c", customer.value()).param("u", user.value())
                .query(rs -> {
                    SkuId sku = new SkuId(rs.getObject(1, UUID.class));
                    result.put(sku, new UserLicense(sku, rs.getString(2), rs.getString(3), new ArrayList<>()));
                });
        jdbc.sql("SELECT sku_id, service_plan_id FROM license_disabled_plan WHERE customer_id = :c AND user_id = :u "
                        + "ORDER BY service_plan_id")
                .param("c", customer.value()).param("u", user.value())
                .query(rs -> {
                    UserLicense license = result.get(new SkuId(rs.getObject(1, UUID.class)));
                    if (license != null) {
                        license.disabledPlans().add(new ServicePlanId(rs.getObject(2, UUID.class)));
                    }
                });
        return List.copyOf(result.values());
    }

    // ---- undo ----------------------------------------------------------------------------------------------------

    /** The next chunk of a change's succeeded users, in selection order after {@code afterSeq}. */
    List<Object[]> succeededUsers(CustomerId customer, UUID change, int afterSeq, int limit) {
        return jdbc.sql("""
                SELECT seq, user_id FROM license_change_user
                WHERE customer_id = :c AND change_id = :id AND status = 0 AND seq > :after ORDER BY seq LIMIT :limit
                """)
                .param("c", customer.value()).param("id", change).param("after", afterSeq).param("limit", limit)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getObject(2, UUID.class)}).list();
    }

    /** What the users had before the change, for the products it removed or re-planned. */
    Map<UUID, Map<SkuId, Set<ServicePlanId>>> priors(CustomerId customer, UUID change, List<UUID> users) {
        Map<UUID, Map<SkuId, Set<ServicePlanId>>> result = new HashMap<>();
        jdbc.sql("SELECT p.user_id, p.sku_id FROM " + LicensingRepository.SELECTED + " JOIN license_change_prior p "
                        + "ON p.customer_id = :c AND p.change_id = :id AND p.user_id = sel.id")
                .param("c", customer.value()).param("id", change).param("ids", LicensingRepository.uuidArray(users))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .put(new SkuId(rs.getObject(2, UUID.class)), new java.util.HashSet<>());
                });
        jdbc.sql("SELECT p.user_id, p.sku_id, p.service_plan_id FROM " + LicensingRepository.SELECTED
                        + " JOIN license_change_prior_plan p ON p.customer_id = :c AND p.change_id = :id "
                        + "AND p.user_id = sel.id")
                .param("c", customer.value()).param("id", change).param("ids", LicensingRepository.uuidArray(users))
                .query(rs -> {
                    var plans = result.getOrDefault(rs.getObject(1, UUID.class), Map.of())
                            .get(new SkuId(rs.getObject(2, UUID.class)));
                    if (plans != null) {
                        plans.add(new ServicePlanId(rs.getObject(3, UUID.class)));
                    }
                });
        return result;
    }

    /** Products the change gave the users that are still that change's (not re-assigned since). */
    Map<UUID, Set<SkuId>> stillAssignedBy(CustomerId customer, UUID change, List<UUID> users) {
        Map<UUID, Set<SkuId>> result = new HashMap<>();
        jdbc.sql("SELECT a.user_id, a.sku_id FROM " + LicensingRepository.SELECTED + " JOIN license_assignment a "
                        + "ON a.customer_id = :c AND a.user_id = sel.id WHERE a.change_id = :id AND a.state = 'ACTIVE'")
                .param("c", customer.value()).param("id", change).param("ids", LicensingRepository.uuidArray(users))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.HashSet<>())
                            .add(new SkuId(rs.getObject(2, UUID.class)));
                });
        return result;
    }
}
