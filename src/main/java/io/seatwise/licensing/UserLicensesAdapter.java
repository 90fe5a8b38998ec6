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
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.LicenseEngine.SeatMode;
import io.seatwise.licensing.rules.ErrorCode;
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

    private final LicenseEngine engine;
    private final LicensingRepository repository;
    private final LicensingService service;
    private final JdbcClient jdbc;
    private final boolean postgres;
    private final io.seatwise.users.UserListChanges listChanges;
    private final LicenseQueries queries;

    UserLicensesAdapter(LicenseEngine engine, LicensingRepository repository, @Lazy LicensingService service,
            JdbcClient jdbc, DataSource dataSource, io.seatwise.users.UserListChanges listChanges,
            LicenseQueries queries) {
        this.queries = queries;
        this.engine = engine;
        this.repository = repository;
        this.service = service;
        this.jdbc = jdbc;
        this.postgres = LicensingRepository.isPostgres(dataSource);
        this.listChanges = listChanges;
    }

    @Override
    public List<HeldLicense> held(CustomerId customer, UserId user) {
        return service.licenses(customer, user).stream()
                .map(l -> new HeldLicense(l.skuId(), l.skuPartNumber(), l.productName(), l.disabledPlans())).toList();
    }

    @Override
    public void check(CustomerId customer, List<LicenseRequest> licenses) {
        if (!licenses.isEmpty()) {
            service.checked(customer, spec(licenses));
        }
    }

    @Override
    public List<NewUserLicenses> assignToNewUsers(CustomerId customer,
            Map<UserId, List<LicenseRequest>> requests, java.util.function.IntConsumer progress) {
        Map<LicenseChangeSpec, List<UserId>> groups = new LinkedHashMap<>();
        // An import asks the same few license lists for 100,000 users: each list becomes a spec once.
        Map<List<LicenseRequest>, List<UserId>> byList = new java.util.HashMap<>();
        requests.forEach((user, licenses) -> {
            if (!licenses.isEmpty()) {
                byList.computeIfAbsent(licenses, l -> groups.computeIfAbsent(spec(l), k -> new ArrayList<>()))
                        .add(user);
            }
        });
        List<NewUserLicenses> result = new ArrayList<>();
        int[] earlierGroups = {0};
        groups.forEach((spec, users) -> {
            CatalogRules rules = service.checked(customer, spec);
            UUID id = Ids.next();
            repository.insertChange(customer, id, "APPLY", null, CurrentActor.name(), Instant.now(), spec.describe(),
                    spec.describeRemovals());
            // Best effort: each new user gets the licenses while seats last; the others fail with CountViolation.
            int before = earlierGroups[0];
            LicenseEngine.Run run = engine.start(customer, id, SeatMode.BEST_EFFORT, rules)
                    .onProgress(done -> progress.accept(before + done));
            run.lockAll(spec.products());
            for (int i = 0; i < users.size(); i += Selection.MAX_IDS) {
                run.add(new Selection.UserIds(users.subList(i, Math.min(users.size(), i + Selection.MAX_IDS))),
                        spec);
            }
            LicenseChangeResult changed = run.finish(spec.products());
            earlierGroups[0] += users.size();
            service.publish(customer, changed, "APPLY");
            Map<UserId, LicenseOutcome> outcomes = new LinkedHashMap<>();
            for (UserOutcome o : changed.results()) {
                outcomes.put(o.userId(), outcome(id, o));
            }
            long failedKept = changed.results().stream().filter(o -> !o.succeeded()).count();
            if (changed.resultsTruncated() && failedKept < Math.min(changed.failed(), LicenseEngine.RESULT_LIMIT)) {
                // The kept results are the first users, mostly successes: the failed ones come from the stored change
                for (UserOutcome o : queries.failures(customer, id, LicenseEngine.RESULT_LIMIT)) {
                    outcomes.putIfAbsent(o.userId(), outcome(id, o));
                }
            }
            result.add(new NewUserLicenses(id, changed.succeeded(), changed.failed(), outcomes));
        });
        return result;
    }

    private static LicenseOutcome outcome(UUID change, UserOutcome o) {
        return new LicenseOutcome(change, o.succeeded(), o.errors());
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
        jdbc.sql("SELECT a.sku_id, count(*) FROM " + assignmentsOf() + " AND a.state = 'ACTIVE' GROUP BY a.sku_id")
                .param("c", customer.value()).param("ids", ids(values(users)))
                .query(rs -> {
                    active.put(new SkuId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        if (active.isEmpty()) {
            return;
        }
        change(customer, values(users), null, "ACTIVE", "SUSPENDED");
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
        jdbc.sql("SELECT a.user_id, a.sku_id FROM " + assignmentsOf() + " AND a.state = 'SUSPENDED'")
                .param("c", customer.value()).param("ids", ids(values(users)))
                .query(rs -> {
                    suspended.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SkuId(rs.getObject(2, UUID.class)));
                });
        Map<SkuId, List<UUID>> reactivate = new TreeMap<>();
        Map<SkuId, List<UUID>> drop = new TreeMap<>();
        // Users in the order given take the free seats first; products of one user in sku order.
        for (UserId user : users) {
            List<SkuId> skus = suspended.getOrDefault(user.value(), List.of()).stream().sorted().toList();
            List<SkuId> restored = new ArrayList<>();
            List<LicenseFailure> notRestored = new ArrayList<>();
            for (SkuId sku : skus) {
                int left = free.getOrDefault(sku, 0);
                if (left > 0) {
                    free.put(sku, left - 1);
                    restored.add(sku);
                    reactivate.computeIfAbsent(sku, k -> new ArrayList<>()).add(user.value());
                } else {
                    notRestored.add(ErrorCode.CountViolation.failure(sku,
                            "no license of this product was available"));
                    drop.computeIfAbsent(sku, k -> new ArrayList<>()).add(user.value());
                }
            }
            result.put(user, new RestoredLicenses(restored, notRestored));
        }
        reactivate.forEach((sku, ids) -> {
            change(customer, ids, sku, "SUSPENDED", "ACTIVE");
            if (!repository.takeSeats(customer, sku, ids.size())) {
                throw new IllegalStateException("seats counted free under lock are gone: " + sku);
            }
        });
        // A license left out is forgotten: a suspended row would otherwise block assigning the product later.
        drop.forEach((sku, ids) -> change(customer, ids, sku, "SUSPENDED", null));
        return result;
    }

    @Override
    public void purge(CustomerId customer, List<UserId> users) {
        if (users.isEmpty()) {
            return;
        }
        suspend(customer, users);
        change(customer, values(users), null, null, null);
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
     * {@code license_assignment a} of the customer's users in {@code :ids}, as a FROM … WHERE to extend with AND.
     * PostgreSQL walks the primary key with {@code = ANY}; H2 joins the array read as a table (an IN over it, or an
     * IN list of parameters, is checked again for every row).
     */
    private String assignmentsOf() {
        return postgres ? "license_assignment a WHERE a.customer_id = :c AND a.user_id = ANY(:ids)"
                : LicensingRepository.SELECTED + " JOIN license_assignment a ON a.customer_id = :c "
                        + "AND a.user_id = CAST(sel.id AS UUID) WHERE TRUE";
    }

    /**
     * Moves the users' assignments (of one product, or all) from state {@code from} (any when null) to {@code to},
     * or deletes them when {@code to} is null (disabled plans go with them): one statement. H2 has no UPDATE with a
     * join, so there it is a MERGE driven by the array.
     */
    private void change(CustomerId customer, List<UUID> users, SkuId sku, String from, String to) {
        listChanges.changed(customer);
        String conditions = (sku == null ? "" : " AND a.sku_id = :sku") + (from == null ? "" : " AND a.state = :from");
        String sql = postgres
                ? (to == null ? "DELETE FROM license_assignment a" : "UPDATE license_assignment a SET state = :to")
                        + " WHERE a.customer_id = :c AND a.user_id = ANY(:ids)" + conditions
                : "MERGE INTO license_assignment a USING (SELECT DISTINCT CAST(sel.id AS UUID) AS id FROM "
                        + LicensingRepository.SELECTED + ") s ON a.customer_id = :c AND a.user_id = s.id" + conditions
                        + " WHEN MATCHED THEN " + (to == null ? "DELETE" : "UPDATE SET state = :to");
        var statement = jdbc.sql(sql).param("c", customer.value()).param("ids", ids(users));
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

    private static Object ids(List<UUID> ids) {
        return LicensingRepository.uuidArray(ids.stream().sorted().collect(Collectors.toList()));
    }

    private static List<UUID> values(List<UserId> users) {
        return users.stream().map(UserId::value).toList();
    }
}
