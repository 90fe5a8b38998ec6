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
import io.seatwise.licensing.rules.Actor;
import io.seatwise.licensing.rules.ErrorCode;
import io.seatwise.licensing.rules.UserChangeEvaluator;
import io.seatwise.licensing.rules.UserLicenseState;
import io.seatwise.shared.CurrentActor;
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
            Map<SkuId, Set<ServicePlanId>> licenses, boolean globalAdmin) {
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
        /** Who runs it, read once from the security context: the rules take it as data. */
        private final Actor actor = Actor.of(CurrentActor.directoryRole());
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        private final Map<SkuId, int[]> seats;
        /** Seat pools locked by this run, with their free seats when locked. */
        private final Map<SkuId, Integer> locked = new HashMap<>();
        private final Map<SkuId, Integer> remaining = new HashMap<>();
        private final Map<SkuId, Integer> needed = new HashMap<>();
        private final Map<SkuId, Integer> freed = new HashMap<>();
        private final List<UserOutcome> results = new ArrayList<>();
        private int groups;
        private int selected;
        private int succeeded;
        private int failed;
        private java.util.function.IntConsumer progress = users -> { };

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

        /** Told the users evaluated (and, unless previewing, changed) so far, after each chunk: for a job's bar. */
        Run onProgress(java.util.function.IntConsumer listener) {
            this.progress = listener;
            return this;
        }

        /**
         * Locks the seat pools of every product the run will touch, in sku order, before any user is read: an undo
         * touches several groups' products and must take its locks in the same order as any other change. While
         * they are held no other change can add or remove these products, so what the run reads of them stays
         * true until it commits.
         */
        void lockAll(List<SkuId> products) {
            if (preview()) {
                return;
            }
            products.stream().distinct().sorted().forEach(sku -> {
                if (!locked.containsKey(sku)) {
                    int[] now = repository.lockSeats(customer, sku);
                    seats.put(sku, now);
                    locked.put(sku, now[0] - now[1]);
                }
            });
        }

        /** Evaluates a group of users for one spec and, unless previewing, applies it a chunk at a time. */
        void add(Selection selection, LicenseChangeSpec spec) {
            lockAll(spec.products());
            Group group = new Group(spec);
            if (seatMode == SeatMode.BEST_EFFORT) {
                for (SkuId sku : spec.assign().keySet()) {
                    remaining.computeIfAbsent(sku, s -> preview() ? seats.get(s)[0] - seats.get(s)[1] : locked.get(s));
                }
            }
            long started = System.nanoTime();
            Set<SkuId> relevant = relevantProducts(spec);
            if (selection instanceof Selection.UserIds ids) {
                // More than a chunk: in id order, so that each chunk covers its own stretch of the ids and a dense
                // selection can be read by range (LicensingRepository.states). Results then come in id order.
                List<UserId> all = ids.ids().size() <= ID_CHUNK ? ids.ids() : ids.ids().stream()
                        .sorted((a, b) -> LicensingRepository.UUID_ORDER.compare(a.value(), b.value())).toList();
                for (int i = 0; i < all.size(); i += ID_CHUNK) {
                    group.evaluate(all.subList(i, Math.min(all.size(), i + ID_CHUNK)), relevant);
                }
            } else if (selection instanceof Selection.Matching matching) {
                group.lastChunkEnd = System.nanoTime();
                repository.forEachMatchingChunk(customer, matching.filter(), relevant, CHUNK, states -> {
                    group.loadNanos += System.nanoTime() - group.lastChunkEnd;
                    group.evaluate(List.copyOf(states.keySet()), states);
                });
            }
            group.groupNeeded.forEach((sku, n) -> needed.merge(sku, n, Integer::sum));
            group.groupFreed.forEach((sku, n) -> freed.merge(sku, n, Integer::sum));
            if (seatMode == SeatMode.STRICT) {
                List<ProductSeats> short_ = products(spec).stream().filter(p -> p.shortfall() > 0).toList();
                if (!short_.isEmpty() && !preview()) {
                    throw new InsufficientSeatsException(short_);
                }
            }
            log.debug("change {}: {} users in {} ms (loading {} ms, storing outcomes {} ms, applying {} ms)",
                    changeId, selected, (System.nanoTime() - started) / 1_000_000, group.loadNanos / 1_000_000,
                    group.storeNanos / 1_000_000, group.applyNanos / 1_000_000);
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
            private final Map<SkuId, Integer> groupNeeded = new HashMap<>();
            private final Map<SkuId, Integer> groupFreed = new HashMap<>();
            /** A strict change found too few seats: nothing more is written, the rest is only counted. */
            private boolean refused;
            private long loadNanos;
            private long storeNanos;
            private long applyNanos;
            private long lastChunkEnd;

            Group(LicenseChangeSpec spec) {
                this.spec = spec;
            }

            void evaluate(List<UserId> chunk, Set<SkuId> relevant) {
                long t = System.nanoTime();
                Map<UserId, UserLicenseState> states = repository.states(customer, chunk, relevant);
                loadNanos += System.nanoTime() - t;
                evaluate(chunk, states);
            }

            /** Evaluates one chunk of users and, unless previewing, stores their outcomes and applies them. */
            void evaluate(List<UserId> chunk, Map<UserId, UserLicenseState> states) {
                List<UserOutcome> outcomes = new ArrayList<>(chunk.size());
                ChunkChanges changes = new ChunkChanges();
                for (UserId id : chunk) {
                    UserLicenseState state = states.get(id);
                    UserOutcome outcome = evaluateCached(state);
                    if (outcome.succeeded() && seatMode == SeatMode.BEST_EFFORT) {
                        outcome = takeSeatsFor(outcome);
                    }
                    if (outcome.succeeded()) {
                        succeeded++;
                        changes.add(outcome, state, spec);
                    } else {
                        failed++;
                    }
                    outcomes.add(outcome);
                    if (results.size() < RESULT_LIMIT) {
                        results.add(outcome);
                    }
                }
                changes.added.forEach((sku, users) -> groupNeeded.merge(sku, users.size(), Integer::sum));
                changes.removed.forEach((sku, users) -> groupFreed.merge(sku, users.size(), Integer::sum));
                if (!preview() && seatMode == SeatMode.STRICT && !refused) {
                    refused = groupNeeded.entrySet().stream()
                            .anyMatch(e -> e.getValue() > locked.getOrDefault(e.getKey(), 0));
                }
                if (!preview() && !refused) {
                    long s = System.nanoTime();
                    repository.insertOutcomes(customer, changeId, index, selected, outcomes);
                    long a = System.nanoTime();
                    apply(changes);
                    storeNanos += a - s;
                    applyNanos += System.nanoTime() - a;
                }
                selected += chunk.size();
                progress.accept(selected);
                lastChunkEnd = System.nanoTime();
            }

            /**
             * Users in the same situation get the same outcome: most of 100,000 users share a handful of
             * situations, so the policies run once per situation rather than once per user.
             */
            private UserOutcome evaluateCached(UserLicenseState state) {
                Situation key = new Situation(state.exists(), state.deleted(), state.usageLocation(), state.licenses(),
                        state.globalAdmin());
                UserOutcome template = outcomes.get(key);
                if (template == null) {
                    template = UserChangeEvaluator.evaluate(state, spec, rules, actor);
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
                        return UserOutcome.failed(outcome.userId(), List.of(ErrorCode.CountViolation.failure(
                                sku, "no free license of " + rules.partNumber(sku))));
                    }
                }
                outcome.added().forEach(sku -> remaining.merge(sku, -1, Integer::sum));
                return outcome;
            }

            /**
             * Set-based, for the chunk's succeeded users: per product one statement for the users who gain it
             * (seats taken first) or lose it. The seat pools are locked since the run started, so the users who
             * gain a product are exactly those who lacked it when read.
             */
            private void apply(ChunkChanges changes) {
                for (SkuId sku : spec.products()) {
                    if (spec.assign().containsKey(sku)) {
                        Set<ServicePlanId> disabled = spec.assign().get(sku);
                        List<UUID> added = changes.of(changes.added, sku);
                        List<UUID> holding = changes.of(changes.holding, sku);
                        List<UUID> replanned = changes.of(changes.replanned, sku);
                        if (!replanned.isEmpty()) {
                            repository.recordPrior(customer, changeId, sku, replanned);
                        }
                        int n = added.size();
                        if (n > 0) {
                            if (!repository.takeSeats(customer, sku, n)) {
                                throw shortOf(sku, n);
                            }
                            adjust(sku, repository.insertAssignments(customer, changeId, sku, now, added) - n);
                        }
                        if (!disabled.isEmpty() || !replanned.isEmpty()) {
                            List<UUID> all = new ArrayList<>(added);
                            all.addAll(holding);
                            repository.replaceDisabledPlans(customer, sku, disabled, holding, all);
                        }
                    } else {
                        List<UUID> removed = changes.of(changes.removed, sku);
                        if (!removed.isEmpty()) {
                            repository.recordPrior(customer, changeId, sku, removed);
                            int deleted = repository.deleteAssignments(customer, sku, removed);
                            repository.releaseSeats(customer, sku, deleted);
                        }
                    }
                }
            }

            /** Seats follow the rows actually written (a row the run did not expect was already there). */
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

    /** The succeeded users of one chunk, per product: who gains it, loses it, re-plans it, or already holds it. */
    private static final class ChunkChanges {

        final Map<SkuId, List<UUID>> added = new HashMap<>();
        final Map<SkuId, List<UUID>> removed = new HashMap<>();
        final Map<SkuId, List<UUID>> replanned = new HashMap<>();
        final Map<SkuId, List<UUID>> holding = new HashMap<>();

        void add(UserOutcome outcome, UserLicenseState state, LicenseChangeSpec spec) {
            UUID user = outcome.userId().value();
            outcome.added().forEach(sku -> put(added, sku, user));
            outcome.removed().forEach(sku -> put(removed, sku, user));
            outcome.replanned().forEach(sku -> put(replanned, sku, user));
            for (SkuId sku : spec.assign().keySet()) {
                if (state.has(sku)) {
                    put(holding, sku, user);
                }
            }
        }

        /** The users of a product, sorted: the statements then walk the indexes in order. */
        List<UUID> of(Map<SkuId, List<UUID>> users, SkuId sku) {
            List<UUID> list = users.getOrDefault(sku, List.of());
            return list.isEmpty() ? list : list.stream().sorted(LicensingRepository.UUID_ORDER).toList();
        }

        private static void put(Map<SkuId, List<UUID>> map, SkuId sku, UUID user) {
            map.computeIfAbsent(sku, k -> new ArrayList<>()).add(user);
        }
    }

    Run start(CustomerId customer, UUID changeId, SeatMode seatMode, CatalogRules rules) {
        return new Run(customer, changeId, seatMode, rules);
    }

}
