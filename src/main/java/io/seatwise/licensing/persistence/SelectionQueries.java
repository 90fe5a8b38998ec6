package io.seatwise.licensing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.LicenseHolder;
import io.seatwise.licensing.Selection;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.SortKeys;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.UserId;
import io.seatwise.users.selection.UserFilterSql;
import io.seatwise.users.selection.UserSelectionSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the summary of a selection reads: how many users it holds, how many of them have each product, and who
 * they are (the Assigned popover). Explicit ids travel as one array ({@link SqlDialect#rowsOfIds}); past the
 * database's array limit they are queried in parts and the counts added.
 */
@Repository
public class SelectionQueries {

    /** Below this many ids a selection is probed by id. */
    private static final int DENSE_MINIMUM = 1_000;

    /** How many of the selected users exist (not deleted), and how many of them hold each product. */
    public record SelectionCounts(long selected, Map<SkuId, Long> holders) {
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    SelectionQueries(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** FROM and WHERE (alias u = app_user) of the selection's users that are not deleted. */
    private String selectionFrom(CustomerId customer, Selection selection, Map<String, Object> params) {
        if (selection instanceof Selection.UserIds ids) {
            params.put("c", customer.value());
            params.put("ids", dialect.uuidArray(ids.ids().stream().map(UserId::value).toList()));
            return " FROM " + dialect.rowsOfIds("app_user", "u", "id") + " AND u.deleted_at IS NULL";
        }
        return " FROM " + UserSelectionSql.USERS + " WHERE "
                + UserFilterSql.where(customer, ((Selection.Matching) selection).filter(), params);
    }

    private List<Selection> parts(Selection selection) {
        int part = dialect.maxIdsPerArray();
        if (selection instanceof Selection.UserIds ids && ids.ids().size() > part) {
            List<Selection> parts = new ArrayList<>();
            for (int i = 0; i < ids.ids().size(); i += part) {
                parts.add(new Selection.UserIds(ids.ids().subList(i, Math.min(ids.ids().size(), i + part))));
            }
            return parts;
        }
        return List.of(selection);
    }

    /**
     * The counts of an explicit selection that is dense (most users between its first and its last id are selected,
     * as when a whole tenant is ticked), read by id range: two index range reads, checked against the ids in
     * memory, instead of one primary key probe per id in each of two queries. Empty for a small or sparse selection:
     * the range read stops after twice as many users as selected.
     */
    public Optional<SelectionCounts> denseCounts(CustomerId customer, Selection selection) {
        if (!(selection instanceof Selection.UserIds ids) || ids.ids().size() < DENSE_MINIMUM) {
            return Optional.empty();
        }
        List<UUID> sorted = ids.ids().stream().map(UserId::value).sorted(SqlDialect.UUID_ORDER).toList();
        Set<UUID> wanted = new HashSet<>(sorted);
        int cap = 2 * sorted.size();
        Map<String, Object> range = Map.of("c", customer.value(), "first", sorted.get(0),
                "last", sorted.get(sorted.size() - 1));
        Set<UUID> found = new HashSet<>(sorted.size() * 2);
        int[] read = new int[1];
        jdbc.sql("SELECT u.id FROM " + UserSelectionSql.USERS + " WHERE u.customer_id = :c AND u.id >= :first "
                        + "AND u.id <= :last AND u.deleted_at IS NULL LIMIT :cap")
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

    public long selectedCount(CustomerId customer, Selection selection) {
        return parts(selection).stream().mapToLong(part -> {
            Map<String, Object> params = new HashMap<>();
            String from = selectionFrom(customer, part, params);
            return jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        }).sum();
    }

    /** How many selected users have each product (active assignments). */
    public Map<SkuId, Long> holders(CustomerId customer, Selection selection) {
        Map<SkuId, Long> result = new HashMap<>();
        parts(selection).forEach(part -> holdersOfPart(customer, part, result));
        return result;
    }

    private void holdersOfPart(CustomerId customer, Selection selection, Map<SkuId, Long> result) {
        String sql;
        Map<String, Object> params = new HashMap<>();
        if (selection instanceof Selection.UserIds ids) {
            // Deleted users hold no active assignment (theirs are suspended), so no join with app_user is needed.
            sql = "SELECT a.sku_id, count(*) FROM " + dialect.rowsOfIds("license_assignment", "a", "user_id")
                    + " AND a.state = 'ACTIVE' GROUP BY a.sku_id";
            params.put("c", customer.value());
            params.put("ids", dialect.uuidArray(ids.ids().stream().map(UserId::value).toList()));
        } else {
            sql = "SELECT a.sku_id, count(*) FROM (SELECT u.id, u.customer_id" + selectionFrom(customer, selection,
                    params) + ") s JOIN license_assignment a ON a.customer_id = s.customer_id AND a.user_id = s.id "
                    + "WHERE a.state = 'ACTIVE' GROUP BY a.sku_id";
        }
        jdbc.sql(sql).params(params).query(rs -> {
            result.merge(new SkuId(rs.getObject(1, UUID.class)), rs.getLong(2), Long::sum);
        });
    }

    /** The selected users that have a product, by display name, with that product's disabled plans. */
    public PageResult<LicenseHolder> holdersOf(CustomerId customer, Selection selection, SkuId sku,
            PageRequest page) {
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
                .params(params).query(SelectionQueries::holder).list();
        return new PageResult<>(withDisabledPlans(customer, sku, items), total, page.page(), page.size());
    }

    /** Explicit selections past one array: the holders' names are gathered part by part, sorted and paged here. */
    private PageResult<LicenseHolder> holdersOfLargeSelection(CustomerId customer, List<Selection> parts, SkuId sku,
            PageRequest page) {
        List<LicenseHolder> all = new ArrayList<>();
        for (Selection part : parts) {
            Map<String, Object> params = new HashMap<>();
            all.addAll(jdbc.sql("SELECT u.id, u.user_principal_name, u.display_name"
                    + holdersFrom(customer, part, sku, params)).params(params).query(SelectionQueries::holder).list());
        }
        // The database's order of names (V10), which SortKeys gives H2, the only database that comes here.
        all.sort(Comparator.comparing((LicenseHolder h) -> SortKeys.of(h.displayName()))
                .thenComparing(h -> h.userId().value(), SqlDialect.UUID_ORDER));
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

    private static LicenseHolder holder(ResultSet rs, int n) throws SQLException {
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
        jdbc.sql("SELECT d.user_id, d.service_plan_id FROM " + SqlDialect.SELECTED
                        + " JOIN license_disabled_plan d ON d.customer_id = :c AND d.user_id = sel.id "
                        + "WHERE d.sku_id = :sku ORDER BY d.service_plan_id")
                .param("c", customer.value()).param("sku", sku.value())
                .param("ids", dialect.uuidArray(byId.keySet()))
                .query(rs -> {
                    byId.get(rs.getObject(1, UUID.class)).disabledPlans()
                            .add(new ServicePlanId(rs.getObject(2, UUID.class)));
                });
        return List.copyOf(byId.values());
    }
}
