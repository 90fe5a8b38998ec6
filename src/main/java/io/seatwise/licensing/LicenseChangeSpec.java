package io.seatwise.licensing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.shared.DomainException;
import org.springframework.modulith.NamedInterface;

/**
 * One license change, the same for every selected user: products to assign (each with its disabled service plans;
 * for a user who already has the product, only its disabled plans change) and products to remove.
 */
@NamedInterface("api")
public record LicenseChangeSpec(Map<SkuId, Set<ServicePlanId>> assign, Set<SkuId> remove) {

    public LicenseChangeSpec {
        Map<SkuId, Set<ServicePlanId>> copy = new LinkedHashMap<>();
        if (assign != null) {
            assign.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> copy.put(e.getKey(), Set.copyOf(e.getValue() == null ? Set.of() : e.getValue())));
        }
        Set<SkuId> removals = Collections.unmodifiableSet(new TreeSet<>(remove == null ? Set.of() : remove));
        Set<SkuId> both = new HashSet<>(copy.keySet());
        both.retainAll(removals);
        if (!both.isEmpty()) {
            throw DomainException.invalid("validation", "licensesToRemove",
                    "product " + both.iterator().next() + " is both assigned and removed");
        }
        assign = Collections.unmodifiableMap(copy);
        remove = removals;
    }

    /** A request must change something; an undo may find nothing left to revert. */
    LicenseChangeSpec requireSomething() {
        if (assign.isEmpty() && remove.isEmpty()) {
            throw DomainException.invalid("validation", "licensesToAssign",
                    "give at least one product in licensesToAssign or licensesToRemove");
        }
        return this;
    }

    /** Every product the change touches, in the fixed (sku id) order seats are locked in. */
    public List<SkuId> products() {
        List<SkuId> all = new ArrayList<>(assign.keySet());
        all.addAll(remove);
        all.sort(null);
        return all;
    }

    /** A compact text form, stored with the change. */
    String describe() {
        return assign.entrySet().stream().map(e -> e.getKey() + (e.getValue().isEmpty() ? "" : "-"
                + e.getValue().stream().map(ServicePlanId::toString).sorted().collect(Collectors.joining("|"))))
                .collect(Collectors.joining(","));
    }

    String describeRemovals() {
        return remove.stream().map(SkuId::toString).collect(Collectors.joining(","));
    }
}
