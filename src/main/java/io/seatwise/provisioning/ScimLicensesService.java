package io.seatwise.provisioning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.BestEffortChanges;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.licensing.UserLicense;
import io.seatwise.provisioning.ScimLicenseErrorRepository.Row;
import io.seatwise.provisioning.ScimProducts.Offered;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licenses through provisioning: reads what users hold through the licensing module's set-based read, and makes a
 * user's licenses what the identity provider sends with one best-effort run of the licensing engine (its rules and
 * seats): missing products added, products not wanted removed, disabled plans changed where they differ. What
 * cannot be given is returned, stored in {@code scim_license_error} (replacing the user's earlier failures) and
 * published as {@link ScimLicensesFailed} for the activity log. Runs with the caller's authentication: a SCIM token's
 * ({@link ScimTokenFilter#authentication}).
 */
@Service
@Transactional
class ScimLicensesService implements ScimLicenses {

    private final LicensingService licensing;
    private final BestEffortChanges bestEffort;
    private final UsersService users;
    private final CatalogService catalog;
    private final ScimProducts products;
    private final ScimLicenseErrorRepository errors;
    private final ApplicationEventPublisher events;

    ScimLicensesService(LicensingService licensing, BestEffortChanges bestEffort, UsersService users,
            CatalogService catalog, ScimProducts products, ScimLicenseErrorRepository errors,
            ApplicationEventPublisher events) {
        this.licensing = licensing;
        this.bestEffort = bestEffort;
        this.users = users;
        this.catalog = catalog;
        this.products = products;
        this.errors = errors;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UserId, Shown> shown(CustomerId customer, Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UserId, List<UserLicense>> held = licensing.licenses(customer, ids);
        Map<UserId, List<LicenseFailure>> failed = errors.of(customer, ids);
        Map<UserId, Shown> shown = new HashMap<>();
        Set<UserId> any = new HashSet<>(held.keySet());
        any.addAll(failed.keySet());
        for (UserId user : any) {
            List<Role> roles = held.getOrDefault(user, List.of()).stream().map(l -> new Role(l.skuPartNumber(),
                    l.productName(), l.skuId().toString(),
                    l.disabledPlans().stream().map(ServicePlanId::toString).toList())).toList();
            shown.put(user, new Shown(roles, failed.getOrDefault(user, List.of())));
        }
        return shown;
    }

    @Override
    public List<LicenseFailure> apply(CustomerId customer, UserId user, List<Wanted> wanted) {
        return apply(customer, user, wanted, false);
    }

    @Override
    public List<LicenseFailure> applyAtCommit(CustomerId customer, UserId user, List<Wanted> wanted) {
        return apply(customer, user, wanted, true);
    }

    @Override
    public List<LicenseFailure> applyToCreated(CustomerId customer, User created, List<Wanted> wanted,
            boolean atCommit) {
        return apply(customer, created, List.of(), wanted, atCommit, true);
    }

    private List<LicenseFailure> apply(CustomerId customer, UserId user, List<Wanted> wanted, boolean atCommit) {
        // The user's row locked to commit: two applies for one user take turns (each replaces the stored failures)
        Optional<User> found = users.lockForChange(customer, user);
        if (found.isEmpty()) {
            return List.of(new LicenseFailure("UserNotFound", null, "the user does not exist"));
        }
        return apply(customer, found.get(), licensing.licenses(customer, List.of(user)).getOrDefault(user, List.of()),
                wanted, atCommit, false);
    }

    /** Makes {@code found}'s licenses (it holds {@code held}) {@code wanted}; {@code created}: nothing stored yet. */
    private List<LicenseFailure> apply(CustomerId customer, User found, List<UserLicense> held, List<Wanted> wanted,
            boolean atCommit, boolean created) {
        UserId user = found.id();
        CatalogRules rules = catalog.rules();
        List<Offered> offered = products.offered(customer);
        List<Row> failures = new ArrayList<>();
        Map<SkuId, Set<ServicePlanId>> want = new TreeMap<>();
        for (Wanted w : wanted == null ? List.<Wanted>of() : wanted) {
            String value = w == null ? null : w.value();
            Optional<Offered> product = ScimProducts.find(offered, value);
            if (product.isEmpty()) {
                failures.add(unknown(value));
                continue;
            }
            SkuId sku = product.get().skuId();
            want.merge(sku, ScimProducts.plans(rules, sku, w.disabledPlans()), (a, b) -> {
                Set<ServicePlanId> both = new TreeSet<>(a);
                both.addAll(b);
                return both;
            });
        }
        LicenseChangeSpec spec = change(want, held);
        if (!spec.products().isEmpty()) {
            Selection selection = new Selection.UserIds(List.of(user));
            LicenseChangeResult result = atCommit ? bestEffort.applyAtCommit(customer, selection, spec)
                    : bestEffort.apply(customer, selection, spec);
            result.results().stream().filter(o -> o.userId().equals(user)).flatMap(o -> o.errors().stream())
                    .forEach(f -> failures.add(new Row(f, f.skuId() == null ? "" : rules.partNumber(f.skuId()))));
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (created) {
            errors.add(customer, user, failures, at);
        } else {
            errors.replace(customer, user, failures, at);
        }
        if (!failures.isEmpty()) {
            events.publishEvent(new ScimLicensesFailed(customer, user, found.userPrincipalName(),
                    failures.stream().map(r -> new ScimLicensesFailed.Failure(r.product(), r.failure().code()))
                            .toList()));
        }
        return failures.stream().map(Row::failure).toList();
    }

    /** The change from what the user holds to what is wanted: products to add or re-plan, products to remove. */
    static LicenseChangeSpec change(Map<SkuId, Set<ServicePlanId>> want, List<UserLicense> held) {
        Map<SkuId, UserLicense> holds = new HashMap<>();
        held.forEach(l -> holds.put(l.skuId(), l));
        Map<SkuId, Set<ServicePlanId>> assign = new LinkedHashMap<>();
        want.forEach((sku, plans) -> {
            UserLicense has = holds.get(sku);
            if (has == null || !Set.copyOf(has.disabledPlans()).equals(plans)) {
                assign.put(sku, plans);
            }
        });
        Set<SkuId> remove = new TreeSet<>(holds.keySet());
        remove.removeAll(want.keySet());
        return new LicenseChangeSpec(assign, remove);
    }

    /**
     * A value naming none of the customer's subscribed products. product.md's codes have none for it; the closest is
     * {@code CountViolation}: the customer has no seat of such a product (none subscribed), which is how Microsoft
     * answers for a product without licenses ("Subscription with SKU … does not have any available licenses"), and
     * its remedy is the same, a subscription or seats, or a value fixed in the identity provider's mapping.
     */
    private static Row unknown(String value) {
        String shown = value == null ? "" : value.strip();
        return new Row(new LicenseFailure("CountViolation", null, "no subscribed product has the part number or SKU id"
                + " \"" + shown + "\", so no license of it is available"), shown);
    }
}
