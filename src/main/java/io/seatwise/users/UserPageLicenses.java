package io.seatwise.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users list's Licenses column: the products each user of a page holds. */
@Repository
class UserPageLicenses {

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    UserPageLicenses(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * The products each of a page's users holds (active licenses), in one statement: a probe of the primary key
     * (customer, user) per user, so a page of 50 costs what it costs whatever the tenant's size. Users without
     * licenses are left out.
     */
    Map<UserId, List<SkuId>> licenses(CustomerId customer, Collection<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        Map<UserId, List<SkuId>> held = new HashMap<>();
        // Joined to the ids rather than IN (:list): H2 probes an IN list on the key's second column by reading all
        // the customer's assignments.
        jdbc.sql("SELECT la.user_id, la.sku_id FROM " + SqlDialect.SELECTED + " JOIN license_assignment la "
                        + "ON la.customer_id = :c AND la.user_id = sel.id WHERE la.state = 'ACTIVE'")
                .param("c", customer.value())
                .param("ids", dialect.uuidArray(users.stream().map(UserId::value).toList()))
                .query(rs -> {
                    held.computeIfAbsent(new UserId(rs.getObject(1, UUID.class)), u -> new ArrayList<>())
                            .add(new SkuId(rs.getObject(2, UUID.class)));
                });
        return held;
    }
}
