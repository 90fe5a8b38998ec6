package io.seatwise.provisioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.Ids;
import org.springframework.stereotype.Component;

/**
 * The products a customer's identity provider may give through {@code roles}, {@code entitlements} or the
 * extension's {@code licenses}: the customer's subscribed products, named by part number (the role's value) and
 * product name (its display). Resolves what an identity provider sends to one of them.
 */
@Component
class ScimProducts {

    /** A subscribed product on offer, with its seats (for the roles/entitlements draft's assignment counts). */
    record Offered(SkuId skuId, String partNumber, String productName, int total, int assigned) {
    }

    private final CustomersService customers;
    private final CatalogService catalog;

    ScimProducts(CustomersService customers, CatalogService catalog) {
        this.customers = customers;
        this.catalog = catalog;
    }

    /** The customer's subscribed products, by part number. */
    List<Offered> offered(CustomerId customer) {
        CatalogRules rules = catalog.rules();
        List<Offered> offered = new ArrayList<>();
        customers.subscriptions(customer).forEach(s -> offered.add(new Offered(s.skuId(), rules.partNumber(s.skuId()),
                rules.productName(s.skuId()), s.quantity(), s.assigned())));
        offered.sort(Comparator.comparing((Offered o) -> o.partNumber().toUpperCase(Locale.ROOT))
                .thenComparing(Offered::skuId));
        return List.copyOf(offered);
    }

    /** The product a role's or entitlement's value names: a sku id, or a part number in any case; else empty. */
    static Optional<Offered> find(List<Offered> offered, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        Optional<SkuId> sku = Ids.tryParse(v).map(SkuId::new);
        return offered.stream().filter(o -> sku.isPresent() ? o.skuId().equals(sku.get())
                : o.partNumber().equalsIgnoreCase(v)).findFirst();
    }

    /**
     * The service plans of {@code sku} that {@code disabled} names, by id or by technical name (any case). A name or
     * id of no plan of the product is left out: the product cannot give a plan it does not have, so leaving it out
     * gives exactly what was asked.
     */
    static Set<ServicePlanId> plans(CatalogRules rules, SkuId sku, Collection<String> disabled) {
        Set<ServicePlanId> plans = new TreeSet<>();
        if (disabled == null) {
            return plans;
        }
        Set<ServicePlanId> ofProduct = rules.plansOf(sku);
        for (String text : disabled) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String t = text.strip();
            Optional<ServicePlanId> byId = Ids.tryParse(t).map(ServicePlanId::new).filter(ofProduct::contains);
            if (byId.isPresent()) {
                plans.add(byId.get());
            } else {
                ofProduct.stream().filter(p -> rules.planName(p).equalsIgnoreCase(t)).findFirst().ifPresent(plans::add);
            }
        }
        return plans;
    }
}
