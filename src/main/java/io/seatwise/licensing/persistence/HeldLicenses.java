package io.seatwise.licensing.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.UserLicense;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users' active licenses with their disabled plans: one user's (the user's page), or many users' at once. */
@Repository
public class HeldLicenses {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    HeldLicenses(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** A user's active licenses with their disabled plans, by product name. */
    public List<UserLicense> of(CustomerId customer, UserId user) {
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

    /**
     * The active licenses of many users with their disabled plans, in two statements whatever their number (ids
     * joined as a table, a probe of the key per user); users without licenses are left out. Each user's licenses
     * by product name.
     */
    public Map<UserId, List<UserLicense>> of(CustomerId customer, Collection<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        var ids = dialect.uuidArray(users.stream().map(UserId::value).distinct().toList());
        Map<UserId, Map<SkuId, UserLicense>> held = new HashMap<>();
        jdbc.sql("SELECT a.user_id, a.sku_id, p.sku_part_number, p.product_name FROM " + SqlDialect.SELECTED
                        + " JOIN license_assignment a ON a.customer_id = :c AND a.user_id = sel.id"
                        + " JOIN product p ON p.sku_id = a.sku_id WHERE a.state = 'ACTIVE'"
                        + " ORDER BY p.product_name, a.sku_id")
                .param("c", customer.value()).param("ids", ids)
                .query(rs -> {
                    SkuId sku = new SkuId(rs.getObject(2, UUID.class));
                    held.computeIfAbsent(new UserId(rs.getObject(1, UUID.class)), u -> new LinkedHashMap<>())
                            .put(sku, new UserLicense(sku, rs.getString(3), rs.getString(4), new ArrayList<>()));
                });
        if (held.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("SELECT d.user_id, d.sku_id, d.service_plan_id FROM " + SqlDialect.SELECTED
                        + " JOIN license_disabled_plan d ON d.customer_id = :c AND d.user_id = sel.id"
                        + " ORDER BY d.service_plan_id")
                .param("c", customer.value()).param("ids", ids)
                .query(rs -> {
                    UserLicense license = held.getOrDefault(new UserId(rs.getObject(1, UUID.class)), Map.of())
                            .get(new SkuId(rs.getObject(2, UUID.class)));
                    if (license != null) {
                        license.disabledPlans().add(new ServicePlanId(rs.getObject(3, UUID.class)));
                    }
                });
        Map<UserId, List<UserLicense>> result = new HashMap<>();
        held.forEach((user, licenses) -> result.put(user, List.copyOf(licenses.values())));
        return result;
    }
}
