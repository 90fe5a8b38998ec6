package io.seatwise.licensing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.shared.Ids;

/** A stored license change: the "Licenses updated" confirmation, retrievable later. */
public record StoredChange(UUID id, String kind, UUID undoOf, UUID undoneBy, String createdBy, Instant createdAt,
        String assignSpec, String removeSpec, int selected, int succeeded, int failed, Integer changed) {

    /**
     * Whether the change changed no user: none succeeded, or every one that did already had what was asked. Changes
     * stored before the number changed was kept ({@code changed} null) go by the users that succeeded.
     */
    public boolean changedNothing() {
        return changed == null ? succeeded == 0 : changed == 0;
    }

    /** Why it cannot be undone: {@code not-undoable} (it is an undo itself) or {@code already-undone}; else empty. */
    public java.util.Optional<String> undoRefusal() {
        if (!"APPLY".equals(kind)) {
            return java.util.Optional.of("not-undoable");
        }
        return undoneBy == null ? java.util.Optional.empty() : java.util.Optional.of("already-undone");
    }

    /** Refuses (409) a change that cannot be undone; the undo itself still marks it undone atomically. */
    void requireUndoable() {
        undoRefusal().ifPresent(type -> {
            throw io.seatwise.shared.DomainException.conflict(type, null, type.equals("not-undoable")
                    ? "an undo cannot itself be undone" : "this change was already undone");
        });
    }

    /** The products the change assigned (or whose plans it changed), from {@code assignSpec}. */
    public List<SkuId> assigned() {
        return skus(assignSpec);
    }

    /** The products the change removed. */
    public List<SkuId> removed() {
        return skus(removeSpec);
    }

    private static List<SkuId> skus(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        // "sku" or "sku-plan|plan", comma-separated (LicenseChangeSpec.describe): the sku is the first 36 characters.
        return Arrays.stream(spec.split(",")).map(String::strip).filter(s -> s.length() >= 36)
                .map(s -> Ids.tryParse(s.substring(0, 36))).flatMap(java.util.Optional::stream).map(SkuId::new)
                .toList();
    }
}
