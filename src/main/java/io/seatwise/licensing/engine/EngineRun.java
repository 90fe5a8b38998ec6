package io.seatwise.licensing.engine;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.rules.Actor;
import io.seatwise.shared.CurrentActor;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.Selection;

/**
 * One run of the engine under one change id (none for a preview): several groups of users, each with its own spec,
 * may be added; {@link #finish} stores the counts and answers the result. Seats are accounted by the run's
 * {@link SeatLedger}.
 */
public final class EngineRun {

    private final EngineParts parts;
    private final CustomerId customer;
    private final UUID changeId;
    private final CatalogRules rules;
    private final SeatBook book;
    private final SeatLedger ledger;
    private final EngineObservations observations;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    /** Who runs it, read once from the security context: the rules take it as data. */
    private final Actor actor = Actor.of(CurrentActor.directoryRole());
    private final RunTally tally = new RunTally();
    private int groups;
    private IntConsumer progress = users -> { };

    /** How the run accounts for seats: see the {@link SeatLedger}s. */
    enum Mode {
        STRICT, BEST_EFFORT, OPTIMISTIC, OPTIMISTIC_AT_COMMIT
    }

    EngineRun(EngineParts parts, CustomerId customer, UUID changeId, CatalogRules rules, Mode mode) {
        this.parts = parts;
        this.customer = customer;
        this.changeId = changeId;
        this.rules = rules;
        this.book = new SeatBook(parts.pools().seats(customer), sku -> parts.pools().lock(customer, sku),
                changeId == null, rules);
        this.ledger = switch (mode) {
            case STRICT -> new StrictSeatLedger(book);
            case BEST_EFFORT -> new BestEffortSeatLedger(book);
            case OPTIMISTIC -> new OptimisticSeatLedger(book, owed -> owed.forEach((sku, n) -> {
                if (n > 0 && !parts.pools().take(customer, sku, n)) {
                    throw new SeatsContended("the seats were taken meanwhile: run locked");
                }
            }));
            case OPTIMISTIC_AT_COMMIT -> new OptimisticSeatLedger(book,
                    owed -> SeatsAtCommit.owe(parts.pools(), customer, owed));
        };
        this.observations = new EngineObservations(parts.observations(), switch (mode) {
            case STRICT -> "strict";
            case BEST_EFFORT -> "best-effort";
            case OPTIMISTIC, OPTIMISTIC_AT_COMMIT -> "optimistic";
        }, preview());
    }

    boolean preview() {
        return changeId == null;
    }

    /** Told the users evaluated (and, unless previewing, changed) so far, after each chunk: for a job's bar. */
    public EngineRun onProgress(IntConsumer listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Locks the seat pools of every product the run will touch, in sku order, before any user is read: an undo
     * touches several groups' products and must take its locks in the same order as any other change. While they
     * are held no other change can add or remove these products, so what the run reads of them stays true until
     * it commits.
     */
    public void lockAll(List<SkuId> products) {
        ledger.lock(products);
    }

    /** Evaluates a group of users for one spec and, unless previewing, applies it a chunk at a time. */
    public void add(Selection selection, LicenseChangeSpec spec) {
        lockAll(spec.products());
        ledger.startGroup(spec);
        UserGroup group = new UserGroup(this, spec, groups++, relevantProducts(spec),
                new ChunkWriter(parts, customer, changeId, now, rules, ledger.takesLate()));
        observations.group(() -> group.evaluate(selection));
        ledger.endGroup(spec);
    }

    /**
     * Stores the run's counts with its change (unless previewing) and answers the result; an optimistic run takes
     * its seats last ({@link SeatsContended} when they are gone).
     */
    public LicenseChangeResult finish(List<SkuId> products) {
        if (!preview()) {
            parts.changeLog().finish(customer, changeId, tally.selected(), tally.succeeded(), tally.failed(),
                    tally.changed());
            ledger.settle();
        }
        List<io.seatwise.licensing.UserOutcome> kept = tally.kept();
        return new LicenseChangeResult(changeId, preview(), tally.selected(), tally.succeeded(), tally.failed(),
                kept, tally.selected() > kept.size(), ledger.products(products), tally.changed());
    }

    /** Products whose current assignments the rules must see for this spec. */
    private Set<SkuId> relevantProducts(LicenseChangeSpec spec) {
        Set<ServicePlanId> enabled = new HashSet<>();
        Set<ServicePlanId> disabled = new HashSet<>();
        spec.assign().forEach((sku, off) -> {
            rules.plansOf(sku).stream().filter(p -> !off.contains(p)).forEach(enabled::add);
            disabled.addAll(off);
        });
        spec.remove().forEach(sku -> disabled.addAll(rules.plansOf(sku)));
        Set<ServicePlanId> watch = new HashSet<>(rules.exclusivePartners(enabled));
        enabled.forEach(p -> watch.addAll(rules.requiredAnyOf(p)));
        Set<ServicePlanId> dependents = rules.dependentsOf(disabled);
        watch.addAll(dependents);
        dependents.forEach(p -> watch.addAll(rules.requiredAnyOf(p)));
        Set<SkuId> relevant = new HashSet<>(rules.productsWithAny(watch));
        relevant.retainAll(book.subscribed());
        relevant.addAll(spec.products());
        return relevant;
    }

    EngineParts parts() {
        return parts;
    }

    CustomerId customer() {
        return customer;
    }

    UUID changeId() {
        return changeId;
    }

    Actor actor() {
        return actor;
    }

    CatalogRules rules() {
        return rules;
    }

    SeatLedger ledger() {
        return ledger;
    }

    RunTally tally() {
        return tally;
    }

    EngineObservations observations() {
        return observations;
    }

    void progress(int users) {
        progress.accept(users);
    }
}
