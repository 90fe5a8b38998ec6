package io.seatwise.licensing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserId;
import org.springframework.stereotype.Component;

/**
 * Runs a license change: evaluates every selected user with the policies, a chunk at a time (nothing holds all
 * users at once), then applies it set-based, one statement per product. Preview runs the same evaluation and
 * stops before writing.
 */
@Component
class LicenseEngine {

    static final int CHUNK = 20_000;
    /** Explicit ids per lookup: well inside H2's array limit of 65,536 elements. */
    static final int ID_CHUNK = 20_000;
    static final int RESULT_LIMIT = 1000;
    private static final int MAX_SITUATIONS = 10_000;

    /** What the policies look at of a user, without its id. */
    private record Situation(boolean exists, boolean deleted, String usageLocation,
            Map<SkuId, Set<ServicePlanId>> licenses) {
    }

    /** Whether seats short for the whole change refuse it (a user's change) or fail single users (undo, restore). */
    enum SeatMode { STRICT, BEST_EFFORT }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LicenseEngine.class);

    private final LicensingRepository repository;

    LicenseEngine(LicensingRepository repository) {
        this.repository = repository;
    }

    /** One run of the engine under one change id; several groups of users with their own spec may be added. */
    final class Run {

        private final CustomerId customer;
        private final UUID changeId;
        private final SeatMode seatMode;
        private final CatalogRules rules;
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        private final Map<SkuId, int[]> seats;
        private final Map<SkuId, Integer> remaining = new HashMap<>();
        private final Map<SkuId, Integer> needed = new HashMap<>();
        private final Map<SkuId, Integer> freed = new HashMap<>();
        private final List<UserOutcome> results = new ArrayList<>();
        private int groups;
        private int selected;
        private int succeeded;
        private int failed;

        private Run(CustomerId customer, UUID changeId, SeatMode seatMode, CatalogRules rules) {
            this.customer = customer;
            this.changeId = changeId;
            this.seatMode = seatMode;
            this.rules = rules;
            this.seats = repository.seats(customer);
        }

        boolean preview() {
            return changeId == null;
        }

        /**
         * Locks the seat pools of every product the run will touch, in sku order, before any group runs: an undo
         * touches several groups' products and must take its locks in the same order as any other change.
         */
        void lockAll(List<SkuId> products) {
            if (preview()) {
                return;
            }
            products.stream().distinct().sorted().forEach(sku -> {
                int free = repository.lockAvailable(customer, sku);
                if (seatMode == SeatMode.BEST_EFFORT) {
                    remaining.putIfAbsent(sku, free);
                }
            });
        }

        /** Evaluates a group of users for one spec and, unless previewing, applies it. */
        void add(Selection selection, LicenseChangeSpec spec) {
            Group group = new Group(spec);
            if (seatMode == SeatMode.BEST_EFFORT) {
                for (SkuId sku : spec.assign().keySet()) {
                    remaining.computeIfAbsent(sku, s -> preview()
                            ? seats.get(s)[0] - seats.get(s)[1] : repository.lockAvailable(customer, s));
                }
            }
            long started = System.nanoTime();
            Set<SkuId> relevant = relevantProducts(spec);
            if (selection instanceof Selection.UserIds ids) {
                List<UserId> all = ids.ids();
                for (int i = 0; i < all.size(); i += ID_CHUNK) {
                    group.evaluate(all.subList(i, Math.min(all.size(), i + ID_CHUNK)), relevant);
                }
            } else if (selection instanceof Selection.Matching matching) {
                repository.forEachMatchingChunk(customer, matching.filter(), relevant, CHUNK,
                        states -> group.evaluate(List.copyOf(states.keySet()), states));
            }
            group.groupNeeded.forEach((sku, n) -> needed.merge(sku, n, Integer::sum));
            group.groupFreed.forEach((sku, n) -> freed.merge(sku, n, Integer::sum));
            if (seatMode == SeatMode.STRICT) {
                List<ProductSeats> short_ = products(spec).stream().filter(p -> p.shortfall() > 0).toList();
                if (!short_.isEmpty() && !preview()) {
                    throw new InsufficientSeatsException(short_);
                }
            }
            long evaluated = System.nanoTime();
            if (!preview()) {
                group.apply();
            }
            log.debug("change {}: {} users evaluated in {} ms (loading {} ms, storing outcomes {} ms), applied in {} ms",
                    changeId, selected, (evaluated - started) / 1_000_000, group.loadNanos / 1_000_000,
                    group.storeNanos / 1_000_000, (System.nanoTime() - evaluated) / 1_000_000);
        }

        LicenseChangeResult finish(List<SkuId> products) {
            if (!preview()) {
                repository.finishChange(customer, changeId, selected, succeeded, failed);
            }
            return new LicenseChangeResult(changeId, preview(), selected, succeeded, failed, List.copyOf(results),
                    selected > results.size(), productSeats(products));
        }

        private List<ProductSeats> products(LicenseChangeSpec spec) {
            return productSeats(spec.products());
        }

        private List<ProductSeats> productSeats(List<SkuId> products) {
            return products.stream().distinct().sorted().map(sku -> {
                int[] s = seats.getOrDefault(sku, new int[] {0, 0});
                return new ProductSeats(sku, rules.partNumber(sku), s[0], s[0] - s[1], needed.getOrDefault(sku, 0),
                        freed.getOrDefault(sku, 0));
            }).toList();
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
            relevant.retainAll(seats.keySet());
            relevant.addAll(spec.products());
            return relevant;
        }

        /** Users sharing one spec. */
        private final class Group {

            private final LicenseChangeSpec spec;
            private final int index = groups++;
            private final Map<SkuId, Integer> kept = new HashMap<>();
            private final Map<SkuId, Integer> replanned = new HashMap<>();
            private final Map<SkuId, Integer> groupNeeded = new HashMap<>();
            private final Map<SkuId, Integer> groupFreed = new HashMap<>();

            Group(LicenseChangeSpec spec) {
                this.spec = spec;
            }

            private long loadNanos;
            private long storeNanos;

            void evaluate(List<UserId> chunk, Set<SkuId> relevant) {
                long t = System.nanoTime();
                Map<UserId, UserLicenseState> states = repository.states(customer, chunk, relevant);
                loadNanos += System.nanoTime() - t;
                evaluate(chunk, states);
            }

            void evaluate(List<UserId> chunk, Map<UserId, UserLicenseState> states) {
                List<UserOutcome> outcomes = new ArrayList<>(chunk.size());
                for (UserId id : chunk) {
                    UserLicenseState state = states.get(id);
                    UserOutcome outcome = evaluateCached(state);
                    if (outcome.succeeded() && seatMode == SeatMode.BEST_EFFORT) {
                        outcome = takeSeatsFor(outcome);
                    }
                    if (outcome.succeeded()) {
                        succeeded++;
                        outcome.added().forEach(sku -> count(groupNeeded, sku));
                        outcome.removed().forEach(sku -> count(groupFreed, sku));
                        outcome.replanned().forEach(sku -> count(replanned, sku));
                        spec.assign().keySet().stream().filter(state::has).forEach(sku -> count(kept, sku));
                    } else {
                        failed++;
                    }
                    outcomes.add(outcome);
                    if (results.size() < RESULT_LIMIT) {
                        results.add(outcome);
                    }
                }
                if (!preview()) {
                    long s = System.nanoTime();
                    repository.insertOutcomes(customer, changeId, index, selected, outcomes);
                    storeNanos += System.nanoTime() - s;
                }
                selected += chunk.size();
            }

            /**
             * Users in the same situation get the same outcome: most of 100,000 users share a handful of
             * situations, so the policies run once per situation rather than once per user.
             */
            private UserOutcome evaluateCached(UserLicenseState state) {
                Situation key = new Situation(state.exists(), state.deleted(), state.usageLocation(), state.licenses());
                UserOutcome template = outcomes.get(key);
                if (template == null) {
                    template = UserChangeEvaluator.evaluate(state, spec, rules);
                    if (outcomes.size() < MAX_SITUATIONS) {
                        outcomes.put(key, template);
                    }
                }
                return new UserOutcome(state.userId(), template.errors(), template.added(), template.removed(),
                        template.replanned());
            }

            private final Map<Situation, UserOutcome> outcomes = new HashMap<>();

            private UserOutcome takeSeatsFor(UserOutcome outcome) {
                for (SkuId sku : outcome.added()) {
                    if (remaining.getOrDefault(sku, 0) < 1) {
                        return UserOutcome.failed(outcome.userId(), List.of(new Violation(ErrorCode.CountViolation,
                                sku, "no free license of " + rules.partNumber(sku))));
                    }
                }
                outcome.added().forEach(sku -> remaining.merge(sku, -1, Integer::sum));
                return outcome;
            }

            /** Set-based: per product one insert or delete driven by the stored outcomes, seats taken first. */
            void apply() {
                // Every touched seat pool is locked first, in sku order: concurrent changes queue instead of
                // deadlocking on each other's assignment rows.
                spec.products().forEach(sku -> repository.lockAvailable(customer, sku));
                for (SkuId sku : spec.products()) {
                    if (spec.assign().containsKey(sku)) {
                        Set<ServicePlanId> disabled = spec.assign().get(sku);
                        int keptCount = kept.getOrDefault(sku, 0);
                        if (replanned.getOrDefault(sku, 0) > 0) {
                            repository.recordPrior(customer, changeId, index, sku);
                        }
                        int n = groupNeeded.getOrDefault(sku, 0);
                        if (n > 0 && !repository.takeSeats(customer, sku, n)) {
                            throw shortOf(sku, n);
                        }
                        int inserted = n > 0 || keptCount > 0
                                ? repository.insertAssignments(customer, changeId, index, sku, now) : 0;
                        adjust(sku, inserted - n);
                        if (!disabled.isEmpty() || replanned.getOrDefault(sku, 0) > 0) {
                            repository.replaceDisabledPlans(customer, changeId, index, sku, disabled, keptCount > 0);
                        }
                    } else if (groupFreed.getOrDefault(sku, 0) > 0) {
                        repository.recordPrior(customer, changeId, index, sku);
                        int deleted = repository.deleteAssignments(customer, changeId, index, sku);
                        repository.releaseSeats(customer, sku, deleted);
                    }
                }
            }

            /** Someone else changed the same users meanwhile: seats follow the rows actually written. */
            private void adjust(SkuId sku, int difference) {
                if (difference > 0 && !repository.takeSeats(customer, sku, difference)) {
                    throw shortOf(sku, difference);
                } else if (difference < 0) {
                    repository.releaseSeats(customer, sku, -difference);
                }
            }

            private InsufficientSeatsException shortOf(SkuId sku, int n) {
                int[] now = repository.seats(customer).getOrDefault(sku, new int[] {0, 0});
                return new InsufficientSeatsException(List.of(new ProductSeats(sku, rules.partNumber(sku), now[0],
                        now[0] - now[1], n, 0)));
            }
        }
    }

    Run start(CustomerId customer, UUID changeId, SeatMode seatMode, CatalogRules rules) {
        return new Run(customer, changeId, seatMode, rules);
    }

    private static void count(Map<SkuId, Integer> counts, SkuId sku) {
        counts.merge(sku, 1, Integer::sum);
    }

}
