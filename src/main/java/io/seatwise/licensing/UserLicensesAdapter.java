package io.seatwise.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.LicenseEngine.SeatMode;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.Ids;
import io.seatwise.users.UserId;
import io.seatwise.users.UserLicenses;
import javax.sql.DataSource;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The licensing side of the user lifecycle: licenses at creation go through the engine (rules, seats, a stored
 * change); delete, restore and purge move assignments between ACTIVE and SUSPENDED with one statement per product,
 * holding the customer's seat pools locked in sku order (the order every change locks them in).
 */
@Component
@org.springframework.transaction.annotation.Transactional
class UserLicensesAdapter implements UserLicenses {

    private static final int H2_CHUNK = 1_000;

    private final LicenseEngine engine;
    private final LicensingRepository repository;
    private final LicensingService service;
    private final JdbcClient jdbc;
    private final boolean postgres;

    UserLicensesAdapter(LicenseEngine engine, LicensingRepository repository, @Lazy LicensingService service,
            JdbcClient jdbc, DataSource dataSource) {
        this.engine = engine;
        this.repository = repository;
        this.service = service;
        this.jdbc = jdbc;
        this.postgres = LicensingRepository.isPostgres(dataSource);
    }

    @Override
    public void check(CustomerId customer, List<LicenseRequest> licenses) {
        if (!licenses.isEmpty()) {
            service.checked(customer, spec(licenses));
        }
    }

    @Override
    public List<NewUserLicenses> assignToNewUsers(CustomerId customer,
            Map<UserId, List<LicenseRequest>> requests) {
        Map<LicenseChangeSpec, List<UserId>> groups = new LinkedHashMap<>();
        requests.forEach((user, licenses) -> {
            if (!licenses.isEmpty()) {
                groups.computeIfAbsent(spec(licenses), k -> new ArrayList<>()).add(user);
            }
        });
        List<NewUserLicenses> result = new ArrayList<>();
        groups.forEach((spec, users) -> {
            CatalogRules rules = service.checked(customer, spec);
            UUID id = Ids.next();
            repository.insertChange(customer, id, "APPLY", null, CurrentActor.name(), Instant.now(), spec.describe(),
                    spec.describeRemovals());
            // Best effort: each new user gets the licenses while seats last; the others fail with CountViolation.
            LicenseEngine.Run run = engine.start(customer, id, SeatMode.BEST_EFFORT, rules);
            run.lockAll(spec.products());
            for (int i = 0; i < users.size(); i += Selection.MAX_IDS) {
                run.add(new Selection.UserIds(users.subList(i, Math.min(users.size(), i + Selection.MAX_IDS))),
                        spec);
            }
            LicenseChangeResult changed = run.finish(spec.products());
            service.publish(customer, changed, "APPLY");
            Map<UserId, LicenseOutcome> outcomes = new LinkedHashMap<>();
            for (UserOutcome o : changed.results()) {
                outcomes.put(o.userId(), new LicenseOutcome(id, o.succeeded(), o.errors().stream()
                        .map(v -> new LicenseError(v.code().name(), v.skuId(), v.message())).toList()));
            }
            result.add(new NewUserLicenses(id, changed.succeeded(), changed.failed(), outcomes));
        });
        return result;
    }

    private static LicenseChangeSpec spec(List<LicenseRequest> licenses) {
        Map<SkuId, java.util.Set<ServicePlanId>> assign = new LinkedHashMap<>();
        for (LicenseRequest l : licenses) {
            assign.merge(l.skuId(), l.excludedPlans(), (a, b) -> {
                java.util.Set<ServicePlanId> both = new java.util.HashSet<>(a);
                both.addAll(b);
                return both;
            });
        }
        return new LicenseChangeSpec(assign, null);
    }

    @Override
    public void suspend(CustomerId customer, List<UserId> users) {
        if (users.isEmpty()) {
            return;
        }
        lockPools(customer);
        Map<SkuId, Integer> active = new TreeMap<>();
        forChunks(values(users), ids -> jdbc.sql("SELECT sku_id, count(*) FROM license_assignment "
                        + "WHERE customer_id = :c AND state = 'ACTIVE' AND " + usersIn("user_id") + " GROUP BY sku_id")
                .param("c", customer.value()).param("ids", ids)
                .query(rs -> {
                    active.merge(new SkuId(rs.getObject(1, UUID.class)), rs.getInt(2), Integer::sum);
                }));
        if (active.isEmpty()) {
            return;
        }
        forChunks(values(users), ids -> jdbc.sql("UPDATE license_assignment SET state = 'SUSPENDED' "
                        + "WHERE customer_id = :c AND state = 'ACTIVE' AND " + usersIn("user_id"))
                .param("c", customer.value()).param("ids", ids).update());
        active.forEach((sku, n) -> repository.releaseSeats(customer, sku, n));
    }

    @Override
    public Map<UserId, RestoredLicenses> restore(CustomerId customer, List<UserId> users) {
        Map<UserId, RestoredLicenses> result = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return result;
        }
        Map<SkuId, Integer> free = lockPools(customer);
        Map<UUID, List<SkuId>> suspended = new HashMap<>();
        forChunks(values(users), ids -> jdbc.sql("SELECT user_id, sku_id FROM license_assignment "
                        + "WHERE customer_id = :c AND state = 'SUSPENDED' AND " + usersIn("user_id"))
                .param("c", customer.value()).param("ids", ids)
                .query(rs -> {
                    suspended.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SkuId(rs.getObject(2, UUID.class)));
                }));
        Map<SkuId, List<UUID>> reactivate = new TreeMap<>();
        Map<SkuId, List<UUID>> drop = new TreeMap<>();
        // Users in the order given take the free seats first; products of one user in sku order.
        for (UserId user : users) {
            List<SkuId> skus = suspended.getOrDefault(user.value(), List.of()).stream().sorted().toList();
            List<SkuId> restored = new ArrayList<>();
            List<LicenseError> notRestored = new ArrayList<>();
            for (SkuId sku : skus) {
                int left = free.getOrDefault(sku, 0);
                if (left > 0) {
                    free.put(sku, left - 1);
                    restored.add(sku);
                    reactivate.computeIfAbsent(sku, k -> new ArrayList<>()).add(user.value());
                } else {
                    notRestored.add(new LicenseError(ErrorCode.CountViolation.name(), sku,
                            "no license of this product was available"));
                    drop.computeIfAbsent(sku, k -> new ArrayList<>()).add(user.value());
                }
            }
            result.put(user, new RestoredLicenses(restored, notRestored));
        }
        reactivate.forEach((sku, users_) -> {
            forChunks(users_, ids -> jdbc.sql("UPDATE license_assignment SET state = 'ACTIVE' WHERE customer_id = :c "
                            + "AND sku_id = :sku AND state = 'SUSPENDED' AND " + usersIn("user_id"))
                    .param("c", customer.value()).param("sku", sku.value()).param("ids", ids).update());
            if (!repository.takeSeats(customer, sku, users_.size())) {
                throw new IllegalStateException("seats counted free under lock are gone: " + sku);
            }
        });
        // A license left out is forgotten: a suspended row would otherwise block assigning the product later.
        drop.forEach((sku, users_) -> forChunks(users_, ids -> jdbc.sql("DELETE FROM license_assignment "
                        + "WHERE customer_id = :c AND sku_id = :sku AND state = 'SUSPENDED' AND " + usersIn("user_id"))
                .param("c", customer.value()).param("sku", sku.value()).param("ids", ids).update()));
        return result;
    }

    @Override
    public void purge(CustomerId customer, List<UserId> users) {
        if (users.isEmpty()) {
            return;
        }
        suspend(customer, users);
        forChunks(values(users), ids -> jdbc.sql("DELETE FROM license_assignment WHERE customer_id = :c AND "
                        + usersIn("user_id"))
                .param("c", customer.value()).param("ids", ids).update());
    }

    /** Locks every seat pool of the customer in sku order and answers the free seats of each. */
    private Map<SkuId, Integer> lockPools(CustomerId customer) {
        Map<SkuId, Integer> free = new TreeMap<>();
        jdbc.sql("SELECT sku_id, quantity - assigned FROM subscription WHERE customer_id = :c ORDER BY sku_id "
                        + "FOR UPDATE")
                .param("c", customer.value())
                .query(rs -> {
                    free.put(new SkuId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return free;
    }

    /**
     * The condition "column is one of :ids". PostgreSQL takes every id at once as an array and walks the index with
     * {@code = ANY}; H2 takes an IN list of at most {@value #H2_CHUNK} parameters, which it answers from a hash set
     * (it runs an IN over an array-as-table subquery again for every row).
     */
    private String usersIn(String column) {
        return postgres ? column + " = ANY(:ids)" : column + " IN (:ids)";
    }

    /** Runs the statement once with every id (PostgreSQL), or once per chunk of ids (H2). */
    private void forChunks(List<UUID> ids, java.util.function.Consumer<Object> statement) {
        List<UUID> sorted = ids.stream().sorted().collect(Collectors.toList());
        if (postgres) {
            statement.accept(LicensingRepository.uuidArray(sorted));
            return;
        }
        for (int i = 0; i < sorted.size(); i += H2_CHUNK) {
            statement.accept(sorted.subList(i, Math.min(sorted.size(), i + H2_CHUNK)));
        }
    }

    private static List<UUID> values(List<UserId> users) {
        return users.stream().map(UserId::value).toList();
    }
}
