package io.seatwise.licensing;

import java.util.UUID;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.engine.EngineRun;
import io.seatwise.licensing.engine.LicenseEngine;
import io.seatwise.licensing.engine.SeatsContended;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes applied at best effort and stored, for provisioning, where the identity provider's request must not fail
 * for a license: users take the free seats while they last and one short of seats fails alone
 * ({@code CountViolation}), as one failing a rule does; the change never fails as a whole for seats. It sits beside
 * {@link LicensingService}, whose check of a spec, change log and event it shares.
 *
 * <p>A few users only gaining products (a provisioned user) are first tried optimistically
 * ({@link LicenseEngine#optimistic}): the seat pools are then locked only from the seats' taking to commit, so one
 * customer's concurrent provisioning requests do not wait for each other's whole run. When that cannot be done (few
 * seats, a removal, a concurrent change of the same users) the attempt is rolled back to a savepoint and the change
 * runs locked as always.
 */
@NamedInterface("api")
@Service
@Transactional
public class BestEffortChanges {

    private final LicensingService licensing;
    private final LicenseEngine engine;
    /** A savepoint in the caller's transaction: an optimistic run that gives up is rolled back to it. */
    private final TransactionTemplate savepoint;

    BestEffortChanges(LicensingService licensing, LicenseEngine engine, PlatformTransactionManager transactions) {
        this.licensing = licensing;
        this.engine = engine;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Applies a change at best effort and stores it, in the caller's transaction if there is one. */
    @PreAuthorize("hasAuthority('users:write')")
    public LicenseChangeResult apply(CustomerId customer, Selection selection, LicenseChangeSpec spec) {
        return apply(customer, selection, spec, false);
    }

    /**
     * As {@link #apply}, for a caller that can run its whole transaction again: when the change is tried
     * optimistically, its seats are taken only as the transaction commits, after the caller's own work, so the seat
     * pools are locked just while committing. Should the seats be gone by then, the commit rolls everything back and
     * throws {@link SeatsGoneAtCommit}; the caller then runs its work again with {@link #apply}.
     */
    @PreAuthorize("hasAuthority('users:write')")
    public LicenseChangeResult applyAtCommit(CustomerId customer, Selection selection, LicenseChangeSpec spec) {
        return apply(customer, selection, spec, true);
    }

    private LicenseChangeResult apply(CustomerId customer, Selection selection, LicenseChangeSpec spec,
            boolean atCommit) {
        return licensing.applying(customer, spec, (id, rules) -> {
            LicenseChangeResult result = optimistic(selection, spec)
                    ? tryOptimistic(customer, id, rules, selection, spec, atCommit) : null;
            if (result == null) {
                EngineRun run = engine.bestEffort(customer, id, rules);
                run.add(selection, spec);
                result = run.finish(spec.products());
            }
            return result;
        });
    }

    private static boolean optimistic(Selection selection, LicenseChangeSpec spec) {
        return selection instanceof Selection.UserIds ids && ids.ids().size() <= LicenseEngine.OPTIMISTIC_USERS
                && spec.remove().isEmpty();
    }

    /** The optimistic run's result, or null when it gave up (everything it wrote rolled back). */
    private LicenseChangeResult tryOptimistic(CustomerId customer, UUID id, CatalogRules rules, Selection selection,
            LicenseChangeSpec spec, boolean atCommit) {
        try {
            return savepoint.execute(s -> {
                EngineRun run = atCommit ? engine.optimisticAtCommit(customer, id, rules)
                        : engine.optimistic(customer, id, rules);
                run.add(selection, spec);
                return run.finish(spec.products());
            });
        } catch (SeatsContended contended) {
            return null;
        }
    }
}
