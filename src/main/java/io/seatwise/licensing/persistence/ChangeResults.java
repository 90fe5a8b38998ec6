package io.seatwise.licensing.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.UserResult;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A stored change's per-user results, a page at a time in selection order, with each user's licenses now. */
@Repository
public class ChangeResults {

    /** One row of {@code license_change_user} with the user's names. */
    private record Row(UUID user, String userPrincipalName, String displayName, int status, String errors) {
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    ChangeResults(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    public PageResult<UserResult> results(CustomerId customer, UUID change, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM license_change_user WHERE customer_id = :c AND change_id = :id")
                .param("c", customer.value()).param("id", change).query(Long.class).single();
        List<Row> rows = jdbc.sql("""
                SELECT cu.user_id, u.user_principal_name, u.display_name, cu.status, cu.errors
                FROM license_change_user cu
                LEFT JOIN app_user u ON u.customer_id = cu.customer_id AND u.id = cu.user_id
                WHERE cu.customer_id = :c AND cu.change_id = :id ORDER BY cu.seq LIMIT :limit OFFSET :offset
                """)
                .param("c", customer.value()).param("id", change).param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5)))
                .list();
        Map<UUID, List<SkuId>> licenses = licensesOf(customer, rows.stream().map(Row::user).toList());
        List<UserResult> items = rows.stream().map(r -> new UserResult(new UserId(r.user()), r.userPrincipalName(),
                r.displayName(), r.status() == OutcomeRows.SUCCEEDED, ViolationText.decode(r.errors()),
                licenses.getOrDefault(r.user(), List.of()))).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private Map<UUID, List<SkuId>> licensesOf(CustomerId customer, List<UUID> users) {
        Map<UUID, List<SkuId>> result = new HashMap<>();
        if (users.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT a.user_id, a.sku_id FROM " + SqlDialect.SELECTED + " JOIN license_assignment a "
                        + "ON a.customer_id = :c AND a.user_id = sel.id WHERE a.state = 'ACTIVE' ORDER BY a.sku_id")
                .param("c", customer.value()).param("ids", dialect.uuidArray(users))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SkuId(rs.getObject(2, UUID.class)));
                });
        return result;
    }
}
