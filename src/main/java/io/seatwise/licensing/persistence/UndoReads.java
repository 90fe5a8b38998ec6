package io.seatwise.licensing.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an undo reads of a stored change: its succeeded users, what they had before, what it gave them; from which
 * it makes the inverse change of each user.
 */
@Repository
public class UndoReads {

    /** A user a change succeeded for, at its place in the change's order. */
    private record SucceededUser(int seq, UUID user) {
    }

    private final JdbcClient jdbc;
    private final SqlDialect dialect;

    UndoReads(JdbcClient jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Per succeeded user of a change, the inverse change (what it removed or re-planned given back, what it gave
     * that is still its own taken), users grouped by identical inverses in the change's order; read {@code chunk}
     * users at a time.
     */
    public Map<LicenseChangeSpec, List<UserId>> inverseGroups(CustomerId customer, UUID changeId, int chunk) {
        Map<LicenseChangeSpec, List<UserId>> groups = new LinkedHashMap<>();
        int after = -1;
        while (true) {
            List<SucceededUser> succeeded = succeededUsers(customer, changeId, after, chunk);
            if (succeeded.isEmpty()) {
                return groups;
            }
            List<UUID> users = succeeded.stream().map(SucceededUser::user).toList();
            Map<UUID, Map<SkuId, Set<ServicePlanId>>> priors = priors(customer, changeId, users);
            Map<UUID, Set<SkuId>> added = stillAssignedBy(customer, changeId, users);
            for (UUID user : users) {
                Map<SkuId, Set<ServicePlanId>> assign = priors.getOrDefault(user, Map.of());
                Set<SkuId> remove = added.getOrDefault(user, Set.of());
                if (!assign.isEmpty() || !remove.isEmpty()) {
                    groups.computeIfAbsent(new LicenseChangeSpec(assign, remove), k -> new ArrayList<>())
                            .add(new UserId(user));
                }
            }
            after = succeeded.get(succeeded.size() - 1).seq();
        }
    }

    /** The next chunk of a change's succeeded users, in selection order after {@code afterSeq}. */
    private List<SucceededUser> succeededUsers(CustomerId customer, UUID change, int afterSeq, int limit) {
        return jdbc.sql("""
                SELECT seq, user_id FROM license_change_user
                WHERE customer_id = :c AND change_id = :id AND status = %d AND seq > :after ORDER BY seq LIMIT :limit
                """.formatted(OutcomeRows.SUCCEEDED))
                .param("c", customer.value()).param("id", change).param("after", afterSeq).param("limit", limit)
                .query((rs, n) -> new SucceededUser(rs.getInt(1), rs.getObject(2, UUID.class))).list();
    }

    /** What the users had before the change, for the products it removed or re-planned. */
    private Map<UUID, Map<SkuId, Set<ServicePlanId>>> priors(CustomerId customer, UUID change, List<UUID> users) {
        Map<UUID, Map<SkuId, Set<ServicePlanId>>> result = new HashMap<>();
        jdbc.sql("SELECT p.user_id, p.sku_id FROM " + SqlDialect.SELECTED + " JOIN license_change_prior p "
                        + "ON p.customer_id = :c AND p.change_id = :id AND p.user_id = sel.id")
                .param("c", customer.value()).param("id", change).param("ids", dialect.uuidArray(users))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                            .put(new SkuId(rs.getObject(2, UUID.class)), new HashSet<>());
                });
        jdbc.sql("SELECT p.user_id, p.sku_id, p.service_plan_id FROM " + SqlDialect.SELECTED
                        + " JOIN license_change_prior_plan p ON p.customer_id = :c AND p.change_id = :id "
                        + "AND p.user_id = sel.id")
                .param("c", customer.value()).param("id", change).param("ids", dialect.uuidArray(users))
                .query(rs -> {
                    Set<ServicePlanId> plans = result.getOrDefault(rs.getObject(1, UUID.class), Map.of())
                            .get(new SkuId(rs.getObject(2, UUID.class)));
                    if (plans != null) {
                        plans.add(new ServicePlanId(rs.getObject(3, UUID.class)));
                    }
                });
        return result;
    }

    /** Products the change gave the users that are still that change's (not re-assigned since). */
    private Map<UUID, Set<SkuId>> stillAssignedBy(CustomerId customer, UUID change, List<UUID> users) {
        Map<UUID, Set<SkuId>> result = new HashMap<>();
        jdbc.sql("SELECT a.user_id, a.sku_id FROM " + SqlDialect.SELECTED + " JOIN license_assignment a "
                        + "ON a.customer_id = :c AND a.user_id = sel.id WHERE a.change_id = :id AND a.state = 'ACTIVE'")
                .param("c", customer.value()).param("id", change).param("ids", dialect.uuidArray(users))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(new SkuId(rs.getObject(2, UUID.class)));
                });
        return result;
    }
}
