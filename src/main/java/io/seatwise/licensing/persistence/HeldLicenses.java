package io.seatwise.licensing.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.UserLicense;
import io.seatwise.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One user's active licenses with their disabled plans (the user's page). */
@Repository
public class HeldLicenses {

    private final JdbcClient jdbc;

    HeldLicenses(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
