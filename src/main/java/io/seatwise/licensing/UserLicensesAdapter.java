package io.seatwise.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.rules.ErrorCode;
import io.seatwise.licensing.engine.EngineRun;
import io.seatwise.licensing.engine.LicenseEngine;
import io.seatwise.licensing.persistence.AssignmentWriter;
import io.seatwise.licensing.persistence.ChangeLog;
import io.seatwise.licensing.persistence.SeatPools;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.Ids;
import io.seatwise.users.UserId;
import io.seatwise.users.UserLicenses;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licensing side of the user lifecycle: licenses at creation go through the engine (rules, seats, a stored
 * change); delete, restore and purge move assignments between ACTIVE and SUSPENDED with one statement per product,
 * holding the customer's seat pools locked in sku order (the order every change locks them in). It sits beside
 * {@link LicensingService}, package-private, because it shares the service's check of a spec and its publishing of
 * {@link LicensingEvents.LicensesChanged}.
 */
@Component
@Transactional
class UserLicensesAdapter implements UserLicenses {

    private final LicenseEngine engine;
    private final LicensingService service;
    private final ChangeLog changeLog;
    private final SeatPools pools;
    private final AssignmentWriter assignments;

    UserLicensesAdapter(LicenseEngine engine, @Lazy LicensingService service, ChangeLog changeLog, SeatPools pools,
            AssignmentWriter assignments) {
        this.engine = engine;
        this.service = service;
        this.changeLog = changeLog;
        this.pools = pools;
        this.assignments = assignments;
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
            Map<UserId, List<LicenseRequest>> requests, IntConsumer progress) {
        Map<LicenseChangeSpec, List<UserId>> groups = new LinkedHashMap<>();
        // An import asks the same few license lists for 100,000 users: each list becomes a spec once.
        Map<List<LicenseRequest>, List<UserId>> byList = new HashMap<>();
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
            changeLog.insert(customer, id, "APPLY", null, CurrentActor.name(), Instant.now(), spec.describe(),
                    spec.describeRemovals());
            // Best effort: each new user gets the licenses while seats last; the others fail with CountViolation.
            int before = earlierGroups[0];
            EngineRun run = engine.bestEffort(customer, id, rules)
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
                for (UserOutcome o : changeLog.failures(customer, id, LicenseEngine.RESULT_LIMIT)) {
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
        Map<SkuId, Set<ServicePlanId>> assign = new LinkedHashMap<>();
        for (LicenseRequest l : licenses) {
            assign.merge(l.skuId(), l.excludedPlans(), (a, b) -> {
                Set<ServicePlanId> both = new HashSet<>(a);
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
        pools.lockAll(customer);
        Map<SkuId, Integer> active = assignments.activeCounts(customer, values(users));
        if (active.isEmpty()) {
            return;
        }
        assignments.changeState(customer, values(users), null, "ACTIVE", "SUSPENDED");
        active.forEach((sku, n) -> pools.release(customer, sku, n));
    }

    @Override
    public Map<UserId, RestoredLicenses> restore(CustomerId customer, List<UserId> users) {
        Map<UserId, RestoredLicenses> result = new LinkedHashMap<>();
        if (users.isEmpty()) {
            return result;
        }
        Map<SkuId, Integer> free = pools.lockAll(customer);
        Map<UUID, List<SkuId>> suspended = assignments.suspended(customer, values(users));
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
            assignments.changeState(customer, ids, sku, "SUSPENDED", "ACTIVE");
            if (!pools.take(customer, sku, ids.size())) {
                throw new IllegalStateException("seats counted free under lock are gone: " + sku);
            }
        });
        // A license left out is forgotten: a suspended row would otherwise block assigning the product later.
        drop.forEach((sku, ids) -> assignments.changeState(customer, ids, sku, "SUSPENDED", null));
        return result;
    }

    @Override
    public void purge(CustomerId customer, List<UserId> users) {
        if (users.isEmpty()) {
            return;
        }
        suspend(customer, users);
        assignments.changeState(customer, values(users), null, null, null);
    }

    private static List<UUID> values(List<UserId> users) {
        return users.stream().map(UserId::value).toList();
    }
}
