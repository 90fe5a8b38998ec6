package io.seatwise.licensing.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.selection.AssignmentsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The one writer of license assignments (and their disabled plans): set-based, one statement per product for a
 * chunk of users whose ids travel as one array. Every write publishes {@link AssignmentsChanged}, handled by the
 * users module in the same transaction (its list's counts); no other licensing class writes assignments.
 */
@Repository
public class AssignmentWriter {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final ApplicationEventPublisher events;

    AssignmentWriter(JdbcClient jdbc, DataSource dataSource, SqlDialect dialect, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.events = events;
    }

    /** Remembers, for undo, what these users had of a product before the change touches it. */
    public void recordPrior(CustomerId customer, UUID change, SkuId sku, List<UUID> users) {
        jdbc.sql("INSERT INTO license_change_prior (customer_id, change_id, user_id, sku_id) "
                        + "SELECT a.customer_id, :change, a.user_id, a.sku_id"
                        + dialect.rowsOfUsersByLookup("license_assignment", "a.sku_id = :sku AND a.state = 'ACTIVE'"))
                .param("change", change).param("c", customer.value()).param("sku", sku.value())
                .param("ids", dialect.uuidArray(users)).update();
        jdbc.sql("INSERT INTO license_change_prior_plan (customer_id, change_id, user_id, sku_id, service_plan_id) "
                        + "SELECT a.customer_id, :change, a.user_id, a.sku_id, a.service_plan_id"
                        + dialect.rowsOfUsersByLookup("license_disabled_plan", "a.sku_id = :sku"))
                .param("change", change).param("c", customer.value()).param("sku", sku.value())
                .param("ids", dialect.uuidArray(users)).update();
    }

    /**
     * Gives the product to users who lack it; answers how many rows were inserted. A plain insert: the run holds
     * the product's seat pool, so nobody else gave it to these users meanwhile, and a plain insert costs clearly
     * less than ON CONFLICT (speculative insertion). Should a row be there after all (written outside the seat
     * lock), the insert is rolled back to a savepoint and repeated, skipping the rows already there.
     */
    public int insertAssignments(CustomerId customer, UUID change, SkuId sku, Instant at, List<UUID> users) {
        changed(customer);
        String insert = "INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at, change_id) "
                + "SELECT :c, sel.id, :sku, 'ACTIVE', :at, :change FROM " + SqlDialect.SELECTED;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                int inserted = insert(insert, customer, change, sku, at, users);
                connection.releaseSavepoint(savepoint);
                return inserted;
            } catch (DuplicateKeyException e) {
                connection.rollback(savepoint);
                return insert(insert + " ON CONFLICT DO NOTHING", customer, change, sku, at, users);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not assign licenses", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Gives the product to users who lack it, with a plain insert and no savepoint: a row already there fails it
     * ({@link DuplicateKeyException}, and on PostgreSQL the transaction until rolled back to the caller's savepoint).
     * For a run that holds no seat lock and gives up on any surprise.
     */
    public void insertNewAssignments(CustomerId customer, UUID change, SkuId sku, Instant at, List<UUID> users) {
        changed(customer);
        insert("INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at, change_id) "
                + "SELECT :c, sel.id, :sku, 'ACTIVE', :at, :change FROM " + SqlDialect.SELECTED, customer, change, sku,
                at, users);
    }

    private int insert(String sql, CustomerId customer, UUID change, SkuId sku, Instant at, List<UUID> users) {
        return jdbc.sql(sql).param("c", customer.value()).param("sku", sku.value()).param("at", Timestamp.from(at))
                .param("change", change).param("ids", dialect.uuidArray(users)).update();
    }

    /**
     * Sets the disabled plans of the product to exactly {@code disabled} for the given users ({@code holding}: those
     * of them that had the product before, whose old disabled plans go first).
     */
    public void replaceDisabledPlans(CustomerId customer, SkuId sku, Set<ServicePlanId> disabled,
            List<UUID> holding, List<UUID> users) {
        if (!holding.isEmpty()) {
            jdbc.sql(dialect.deleteRowsOfUsers("license_disabled_plan", "a.sku_id = :sku"))
                    .params(Map.of("c", customer.value(), "sku", sku.value(), "ids", dialect.uuidArray(holding)))
                    .update();
        }
        for (ServicePlanId plan : disabled.stream().sorted().toList()) {
            jdbc.sql("INSERT INTO license_disabled_plan (customer_id, user_id, sku_id, service_plan_id) "
                            + "SELECT :c, sel.id, :sku, :plan FROM " + SqlDialect.SELECTED)
                    .param("c", customer.value()).param("sku", sku.value()).param("plan", plan.value())
                    .param("ids", dialect.uuidArray(users)).update();
        }
    }

    /** Takes the product from the given users; answers how many assignments were deleted. */
    public int deleteAssignments(CustomerId customer, SkuId sku, List<UUID> users) {
        changed(customer);
        Map<String, Object> params = Map.of("c", customer.value(), "sku", sku.value(), "ids",
                dialect.uuidArray(users));
        jdbc.sql(dialect.deleteRowsOfUsers("license_disabled_plan", "a.sku_id = :sku")).params(params).update();
        return jdbc.sql(dialect.deleteRowsOfUsers("license_assignment", "a.sku_id = :sku AND a.state = 'ACTIVE'"))
                .params(params).update();
    }

    /** The users' active assignments, counted per product in sku order. */
    public Map<SkuId, Integer> activeCounts(CustomerId customer, List<UUID> users) {
        Map<SkuId, Integer> active = new TreeMap<>();
        jdbc.sql("SELECT a.sku_id, count(*) FROM " + dialect.rowsOfIds("license_assignment", "a", "user_id")
                        + " AND a.state = 'ACTIVE' GROUP BY a.sku_id")
                .param("c", customer.value()).param("ids", dialect.uuidArray(users))
                .query(rs -> {
                    active.put(new SkuId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return active;
    }

    /** The users' suspended assignments: the products of each user. */
    public Map<UUID, List<SkuId>> suspended(CustomerId customer, List<UUID> users) {
        Map<UUID, List<SkuId>> suspended = new HashMap<>();
        jdbc.sql("SELECT a.user_id, a.sku_id FROM " + dialect.rowsOfIds("license_assignment", "a", "user_id")
                        + " AND a.state = 'SUSPENDED'")
                .param("c", customer.value()).param("ids", dialect.uuidArray(users))
                .query(rs -> {
                    suspended.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SkuId(rs.getObject(2, UUID.class)));
                });
        return suspended;
    }

    /**
     * Moves the users' assignments (of one product, or all when {@code sku} is null) from state {@code from} (any
     * when null) to {@code to}, or deletes them when {@code to} is null (disabled plans go with them): one
     * statement ({@link SqlDialect#changeRowsOfIds}).
     */
    public void changeState(CustomerId customer, List<UUID> users, SkuId sku, String from, String to) {
        changed(customer);
        String conditions = (sku == null ? "" : " AND a.sku_id = :sku") + (from == null ? "" : " AND a.state = :from");
        var statement = jdbc.sql(dialect.changeRowsOfIds("license_assignment", conditions,
                        to == null ? null : "state = :to"))
                .param("c", customer.value()).param("ids", dialect.uuidArray(users));
        if (sku != null) {
            statement = statement.param("sku", sku.value());
        }
        if (from != null) {
            statement = statement.param("from", from);
        }
        if (to != null) {
            statement = statement.param("to", to);
        }
        statement.update();
    }

    private void changed(CustomerId customer) {
        events.publishEvent(new AssignmentsChanged(customer));
    }
}
