package io.seatwise.licensing.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.rules.UserLicenseState;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import io.seatwise.users.selection.UserFilterSql;
import io.seatwise.users.selection.UserSelectionSql;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the rules need of the selected users, a chunk at a time: whether each exists or is deleted, its usage
 * location and role, and its active licenses (with disabled plans) of the products that matter to the change.
 * Products are filtered in memory, not in SQL: a product condition tempts H2 into the (customer, sku) index and a
 * scan of every assignment of the product instead of the chunk's range of the primary key.
 */
@Repository
public class SelectionReader {

    /** Below this many ids a chunk is probed by id: the range read would gain nothing worth a second look. */
    private static final int DENSE_MINIMUM = 1_000;

    /** Each selected user's licenses, by id, filled in as the rows come. */
    private record Loaded(Map<UserId, UserLicenseState> states, Map<UUID, Map<SkuId, Set<ServicePlanId>>> licenses) {
        Loaded() {
            this(new LinkedHashMap<>(), new HashMap<>());
        }

        void addUser(java.sql.ResultSet rs) throws java.sql.SQLException {
            UUID id = rs.getObject("id", UUID.class);
            Map<SkuId, Set<ServicePlanId>> own = new HashMap<>();
            licenses.put(id, own);
            states.put(new UserId(id), new UserLicenseState(new UserId(id), true, UserSelectionSql.deleted(rs),
                    rs.getString("usage_location"), own, UserSelectionSql.globalAdmin(rs)));
        }

        void addProduct(UUID user, UUID sku, Set<SkuId> products) {
            Map<SkuId, Set<ServicePlanId>> own = licenses.get(user);
            if (sku != null && own != null && products.contains(new SkuId(sku))) {
                own.put(new SkuId(sku), new HashSet<>());
            }
        }
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    SelectionReader(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Streams the users matching a filter in id order, a chunk at a time, each chunk with its users' active
     * licenses of the given products, read by the chunk's id range ({@link SqlDialect#readInIdOrder}).
     */
    public void forEachMatchingChunk(CustomerId customer, UserFilter filter, Set<SkuId> products, int chunk,
            Consumer<Map<UserId, UserLicenseState>> consumer) {
        Map<String, Object> params = new HashMap<>();
        String select = "SELECT " + UserSelectionSql.COLUMNS + " FROM " + UserSelectionSql.USERS + " WHERE "
                + UserFilterSql.where(customer, filter, params);
        dialect.readInIdOrder(jdbc, select, params, chunk,
                (sql, chunkParams) -> nextChunk(customer, sql, chunkParams, products, chunk, consumer));
    }

    /** Reads and hands over one chunk of users; answers the last user's id, or null when that was the last chunk. */
    private UUID nextChunk(CustomerId customer, String sql, Map<String, Object> params, Set<SkuId> products,
            int chunk, Consumer<Map<UserId, UserLicenseState>> consumer) {
        Loaded loaded = new Loaded();
        UUID[] range = new UUID[2];
        jdbc.sql(sql).params(params).query(rs -> {
            loaded.addUser(rs);
            UUID id = rs.getObject(1, UUID.class);
            range[0] = range[0] == null ? id : range[0];
            range[1] = id;
        });
        if (loaded.states().isEmpty()) {
            return null;
        }
        loadLicenses(customer, Map.of("first", range[0], "last", range[1]), products, loaded);
        consumer.accept(loaded.states());
        return loaded.states().size() < chunk ? null : range[1];
    }

    /** Active licenses of the given products, with disabled plans, for the users of a chunk's id range. */
    private void loadLicenses(CustomerId customer, Map<String, Object> range, Set<SkuId> products, Loaded loaded) {
        if (products.isEmpty() || loaded.licenses().isEmpty()) {
            return;
        }
        jdbc.sql("SELECT a.user_id, a.sku_id FROM license_assignment a WHERE a.customer_id = :c "
                        + "AND a.user_id >= :first AND a.user_id <= :last AND a.state = 'ACTIVE'")
                .param("c", customer.value()).params(range)
                .query(rs -> {
                    loaded.addProduct(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), products);
                });
        loadDisabledPlans(customer, "license_disabled_plan a WHERE a.customer_id = :c AND a.user_id >= :first "
                + "AND a.user_id <= :last", range, loaded);
    }

    /**
     * Disabled plans of the licenses already loaded ({@code from}: table {@code license_disabled_plan a} and the
     * condition, by a chunk's id range or by its ids); skipped when no selected user has a product of interest.
     */
    private void loadDisabledPlans(CustomerId customer, String from, Map<String, Object> userParams, Loaded loaded) {
        if (loaded.licenses().values().stream().allMatch(Map::isEmpty)) {
            return;
        }
        jdbc.sql("SELECT a.user_id, a.sku_id, a.service_plan_id FROM " + from)
                .param("c", customer.value()).params(userParams)
                .query(rs -> {
                    Map<SkuId, Set<ServicePlanId>> own = loaded.licenses().get(rs.getObject(1, UUID.class));
                    Set<ServicePlanId> disabled = own == null ? null : own.get(new SkuId(rs.getObject(2, UUID.class)));
                    if (disabled != null) {
                        disabled.add(new ServicePlanId(rs.getObject(3, UUID.class)));
                    }
                });
    }

    /**
     * The users of a chunk with their active licenses (and disabled plans) for the given products; a user not found
     * is {@link UserLicenseState#missing}. The ids travel as one array, sorted: the lookups then walk the indexes
     * in order ({@link SqlDialect#usersAndActiveProducts}).
     */
    public Map<UserId, UserLicenseState> states(CustomerId customer, List<UserId> ids, Set<SkuId> products) {
        List<UUID> uuids = ids.stream().map(UserId::value).sorted(SqlDialect.UUID_ORDER).toList();
        Loaded loaded = statesByRange(customer, uuids, products);
        if (loaded == null) {
            loaded = statesByIds(customer, uuids, products);
        }
        Map<UserId, UserLicenseState> result = new HashMap<>(loaded.states());
        for (UserId id : ids) {
            result.putIfAbsent(id, UserLicenseState.missing(id));
        }
        return result;
    }

    private Loaded statesByIds(CustomerId customer, List<UUID> uuids, Set<SkuId> products) {
        Loaded loaded = new Loaded();
        SqlDialect.UsersAndProducts plan = dialect.usersAndActiveProducts();
        Object ids = dialect.uuidArray(uuids);
        RowCallbackHandler user = rs -> {
            UUID id = rs.getObject(1, UUID.class);
            if (!loaded.licenses().containsKey(id)) {
                loaded.addUser(rs);
            }
            if (plan.assignments() == null) {
                loaded.addProduct(id, rs.getObject("sku_id", UUID.class), products);
            }
        };
        jdbc.sql(plan.users()).param("c", customer.value()).param("ids", ids).query(user);
        if (plan.assignments() != null) {
            jdbc.sql(plan.assignments()).param("c", customer.value()).param("ids", ids).query(rs -> {
                loaded.addProduct(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), products);
            });
        }
        loadDisabledPlans(customer, dialect.rowsOfIds("license_disabled_plan", "a", "user_id"), Map.of("ids", ids),
                loaded);
        return loaded;
    }

    /**
     * A dense selection (most users between the first and the last selected id are selected, as when a whole
     * tenant is picked, or an import's new users): the users and their licenses are read by the id range, as for a
     * filter, which is several times cheaper than probing the primary key once per id. The range read stops after
     * twice the chunk's size; if the range holds more users than that, the selection is sparse: null, and the
     * caller probes by id instead.
     */
    private Loaded statesByRange(CustomerId customer, List<UUID> sorted, Set<SkuId> products) {
        if (sorted.size() < DENSE_MINIMUM) {
            return null;
        }
        Set<UUID> wanted = new HashSet<>(sorted);
        int cap = 2 * sorted.size();
        Map<String, Object> range = Map.of("first", sorted.get(0), "last", sorted.get(sorted.size() - 1));
        Loaded loaded = new Loaded();
        int[] read = new int[1];
        jdbc.sql("SELECT " + UserSelectionSql.COLUMNS + " FROM " + UserSelectionSql.USERS + " WHERE u.customer_id = :c "
                        + "AND u.id >= :first AND u.id <= :last ORDER BY u.id LIMIT :cap")
                .param("c", customer.value()).params(range).param("cap", cap + 1)
                .query(rs -> {
                    read[0]++;
                    if (wanted.contains(rs.getObject(1, UUID.class))) {
                        loaded.addUser(rs);
                    }
                });
        if (read[0] > cap) {
            return null;
        }
        loadLicenses(customer, range, products, loaded);
        return loaded;
    }
}
