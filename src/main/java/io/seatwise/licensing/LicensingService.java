package io.seatwise.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.Subscription;
import io.seatwise.licensing.LicensingEvents.LicensesChanged;
import io.seatwise.licensing.engine.EngineRun;
import io.seatwise.licensing.engine.LicenseEngine;
import io.seatwise.licensing.persistence.ChangeLog;
import io.seatwise.licensing.persistence.ChangeResults;
import io.seatwise.licensing.persistence.HeldLicenses;
import io.seatwise.licensing.persistence.SelectionQueries;
import io.seatwise.licensing.persistence.UndoReads;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * Manage licenses: summary for a selection, preview, apply, stored changes, undo. Changes at best effort, for
 * provisioning, are made by {@link BestEffortChanges}.
 */
@NamedInterface("api")
@Service
@Transactional
public class LicensingService {

    private final LicenseEngine engine;
    private final SelectionQueries queries;
    private final ChangeLog changeLog;
    private final ChangeResults results;
    private final UndoReads undoReads;
    private final HeldLicenses held;
    private final CustomersService customers;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;

    LicensingService(LicenseEngine engine, SelectionQueries queries, ChangeLog changeLog, ChangeResults results,
            UndoReads undoReads, HeldLicenses held, CustomersService customers, CatalogService catalog,
            ApplicationEventPublisher events) {
        this.engine = engine;
        this.queries = queries;
        this.changeLog = changeLog;
        this.results = results;
        this.undoReads = undoReads;
        this.held = held;
        this.customers = customers;
        this.catalog = catalog;
        this.events = events;
    }

    /** How many users a selection holds now (what the summary's {@code selectedUsers} says, alone). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public long selectedCount(CustomerId customer, Selection selection) {
        customers.require(customer);
        return queries.selectedCount(customer, selection);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public LicenseSummary summary(CustomerId customer, Selection selection) {
        List<Subscription> subscriptions = customers.subscriptions(customer);
        var dense = queries.denseCounts(customer, selection);
        long selected = dense.isPresent() ? dense.get().selected() : queries.selectedCount(customer, selection);
        Map<SkuId, Long> holders = dense.isPresent() ? dense.get().holders() : everyUser(selection)
                // Every user selected: a pool's assigned counter is exactly its active assignments.
                ? subscriptions.stream().collect(Collectors.toMap(Subscription::skuId, s -> (long) s.assigned()))
                : queries.holders(customer, selection);
        List<LicenseSummary.ProductSummary> products = subscriptions.stream().map(s -> {
            Product p = catalog.findProduct(s.skuId()).orElseThrow();
            long have = holders.getOrDefault(s.skuId(), 0L);
            LicenseSummary.State state = have == 0 ? LicenseSummary.State.none
                    : have >= selected ? LicenseSummary.State.all : LicenseSummary.State.some;
            return new LicenseSummary.ProductSummary(s.skuId(), p.skuPartNumber(), p.productName(), s.quantity(),
                    s.assigned(), s.available(), have, state);
        }).toList();
        return new LicenseSummary(selected, products);
    }

    private static boolean everyUser(Selection selection) {
        return selection instanceof Selection.Matching m && m.filter().type() == UserFilter.Type.ALL
                && m.filter().search() == null;
    }

    /** The selected users that have a product (the Assigned popover), a page at a time. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<LicenseHolder> holders(CustomerId customer, Selection selection, SkuId sku,
            PageRequest page) {
        customers.subscription(customer, sku);
        return queries.holdersOf(customer, selection, sku, page);
    }

    /** Exactly what {@link #apply} would do, changing nothing. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:write')")
    public LicenseChangeResult preview(CustomerId customer, Selection selection, LicenseChangeSpec spec) {
        CatalogRules rules = checked(customer, spec);
        EngineRun run = engine.preview(customer, rules);
        run.add(selection, spec);
        return run.finish(spec.products());
    }

    /** Applies a change and stores it; too few seats for any product refuses the whole change. */
    @PreAuthorize("hasAuthority('users:write')")
    public LicenseChangeResult apply(CustomerId customer, Selection selection, LicenseChangeSpec spec) {
        return apply(customer, selection, spec, users -> { });
    }

    /** As {@link #apply(CustomerId, Selection, LicenseChangeSpec)}, telling {@code progress} the users done. */
    @PreAuthorize("hasAuthority('users:write')")
    public LicenseChangeResult apply(CustomerId customer, Selection selection, LicenseChangeSpec spec,
            java.util.function.IntConsumer progress) {
        return applying(customer, spec, (id, rules) -> {
            EngineRun run = engine.strict(customer, id, rules).onProgress(progress);
            run.add(selection, spec);
            return run.finish(spec.products());
        });
    }

    /**
     * An APPLY change as {@link #apply} and {@link BestEffortChanges} store it: the spec checked, the change logged,
     * run by {@code run} (given the change's id and the rules to use), then published.
     */
    LicenseChangeResult applying(CustomerId customer, LicenseChangeSpec spec,
            BiFunction<UUID, CatalogRules, LicenseChangeResult> run) {
        CatalogRules rules = checked(customer, spec);
        UUID id = Ids.next();
        changeLog.insert(customer, id, "APPLY", null, CurrentActor.name(), Instant.now(), spec.describe(),
                spec.describeRemovals());
        LicenseChangeResult result = run.apply(id, rules);
        publish(customer, result, "APPLY");
        return result;
    }

    /** Reverts what a change did, user by user, as far as seats and rules allow; a change is undone once. */
    @PreAuthorize("hasAuthority('users:write')")
    public LicenseChangeResult undo(CustomerId customer, UUID changeId) {
        return undo(customer, changeId, users -> { });
    }

    /** As {@link #undo(CustomerId, UUID)}, telling {@code progress} the users done. */
    @PreAuthorize("hasAuthority('users:write')")
    public LicenseChangeResult undo(CustomerId customer, UUID changeId, java.util.function.IntConsumer progress) {
        change(customer, changeId).requireUndoable();
        UUID id = Ids.next();
        if (!changeLog.markUndone(customer, changeId, id)) {
            throw DomainException.conflict("already-undone", null, "this change was already undone");
        }
        CatalogRules rules = catalog.rules();
        Map<LicenseChangeSpec, List<UserId>> groups = undoReads.inverseGroups(customer, changeId,
                LicenseEngine.CHUNK);
        List<SkuId> reassigned = groups.keySet().stream().flatMap(s -> s.assign().keySet().stream()).distinct()
                .sorted().toList();
        List<SkuId> removed = groups.keySet().stream().flatMap(s -> s.remove().stream()).distinct().sorted().toList();
        changeLog.insert(customer, id, "UNDO", changeId, CurrentActor.name(), Instant.now(),
                join(reassigned), join(removed));
        List<SkuId> products = new ArrayList<>(reassigned);
        products.addAll(removed);
        EngineRun run = engine.bestEffort(customer, id, rules).onProgress(progress);
        run.lockAll(products);
        groups.forEach((spec, users) -> {
            for (int i = 0; i < users.size(); i += Selection.MAX_IDS) {
                run.add(new Selection.UserIds(users.subList(i, Math.min(users.size(), i + Selection.MAX_IDS))), spec);
            }
        });
        LicenseChangeResult result = run.finish(products);
        publish(customer, result, "UNDO");
        return result;
    }

    /** The customer's stored changes ("Licenses updated" confirmations), newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<StoredChange> changes(CustomerId customer, PageRequest page) {
        customers.require(customer);
        return changeLog.changes(customer, page);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public StoredChange change(CustomerId customer, UUID changeId) {
        customers.require(customer);
        return changeLog.change(customer, changeId).orElseThrow(() -> DomainException.notFound("license change"));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<UserResult> results(CustomerId customer, UUID changeId, PageRequest page) {
        change(customer, changeId);
        return results.results(customer, changeId, page);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public List<UserLicense> licenses(CustomerId customer, UserId user) {
        customers.require(customer);
        return held.of(customer, user);
    }

    /**
     * The active licenses of many users at once with their disabled plans, in two statements whatever their number;
     * users without licenses are left out.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public Map<UserId, List<UserLicense>> licenses(CustomerId customer, Collection<UserId> users) {
        customers.require(customer);
        return held.of(customer, users);
    }

    /** Validates a spec against the customer's subscriptions and the catalog; answers the rules to use. */
    CatalogRules checked(CustomerId customer, LicenseChangeSpec spec) {
        spec.requireSomething();
        Set<SkuId> subscribed = customers.subscriptions(customer).stream().map(Subscription::skuId)
                .collect(Collectors.toSet());
        CatalogRules rules = catalog.rules();
        for (SkuId sku : spec.products()) {
            if (!subscribed.contains(sku)) {
                throw DomainException.invalid("not-subscribed", spec.remove().contains(sku) ? "licensesToRemove"
                        : "licensesToAssign", "the customer has no subscription for product " + sku);
            }
        }
        spec.assign().forEach((sku, disabled) -> disabled.stream().filter(p -> !rules.plansOf(sku).contains(p))
                .findFirst().ifPresent(p -> {
                    throw DomainException.invalid("unknown-plan", "licensesToAssign.excludedPlans",
                            "service plan " + p + " is not part of product " + rules.partNumber(sku));
                }));
        return rules;
    }

    private static String join(List<SkuId> skus) {
        return skus.stream().map(SkuId::toString).collect(Collectors.joining(","));
    }

    void publish(CustomerId customer, LicenseChangeResult result, String kind) {
        List<LicensingEvents.ProductCount> products = result.products().stream()
                .map(p -> new LicensingEvents.ProductCount(p.skuId(), p.skuPartNumber(), p.needed(), p.freed()))
                .toList();
        events.publishEvent(new LicensesChanged(customer, result.id(), kind, result.selected(), result.succeeded(),
                result.failed(), products));
    }
}
