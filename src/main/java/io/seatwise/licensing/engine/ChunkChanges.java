package io.seatwise.licensing.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.rules.UserLicenseState;
import io.seatwise.licensing.UserOutcome;
import io.seatwise.shared.SqlDialect;

/** The succeeded users of one chunk, per product: who gains it, loses it, re-plans it, or already holds it. */
final class ChunkChanges {

    private final Map<SkuId, List<UUID>> added = new HashMap<>();
    private final Map<SkuId, List<UUID>> removed = new HashMap<>();
    private final Map<SkuId, List<UUID>> replanned = new HashMap<>();
    private final Map<SkuId, List<UUID>> holding = new HashMap<>();

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

    Map<SkuId, Integer> addedCounts() {
        return counts(added);
    }

    Map<SkuId, Integer> removedCounts() {
        return counts(removed);
    }

    List<UUID> added(SkuId sku) {
        return sorted(added, sku);
    }

    List<UUID> removed(SkuId sku) {
        return sorted(removed, sku);
    }

    List<UUID> replanned(SkuId sku) {
        return sorted(replanned, sku);
    }

    List<UUID> holding(SkuId sku) {
        return sorted(holding, sku);
    }

    /** The users of a product, sorted: the statements then walk the indexes in order. */
    private static List<UUID> sorted(Map<SkuId, List<UUID>> users, SkuId sku) {
        List<UUID> list = users.getOrDefault(sku, List.of());
        return list.isEmpty() ? list : list.stream().sorted(SqlDialect.UUID_ORDER).toList();
    }

    private static Map<SkuId, Integer> counts(Map<SkuId, List<UUID>> users) {
        Map<SkuId, Integer> counts = new HashMap<>();
        users.forEach((sku, list) -> counts.put(sku, list.size()));
        return counts;
    }

    private static void put(Map<SkuId, List<UUID>> map, SkuId sku, UUID user) {
        map.computeIfAbsent(sku, k -> new ArrayList<>()).add(user);
    }
}
