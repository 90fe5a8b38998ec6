package io.seatwise.licensing.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.seatwise.catalog.CatalogRules;
import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.licensing.Selection;
import io.seatwise.licensing.rules.ErrorCode;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.users.SelectedUsers;
import io.seatwise.users.User;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import io.seatwise.web.ConsoleMessages;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the license pages share: the customer, the session's selection as a licensing selection, words. */
@Component
class LicensePages {

    /** Chips shown above Manage licenses before "and N more". */
    static final int CHIPS = 50;

    private final CustomersService customers;
    private final CatalogService catalog;
    private final UsersService users;
    private final ConsoleMessages messages;

    LicensePages(CustomersService customers, CatalogService catalog, UsersService users, ConsoleMessages messages) {
        this.customers = customers;
        this.catalog = catalog;
        this.users = users;
        this.messages = messages;
    }

    Customer customer(String id) {
        return customers.get(new CustomerId(Ids.parse(id, "customer")));
    }

    /** The users selected on the users list, or null when none are. */
    static Selection selection(HttpSession session, CustomerId customer) {
        SelectedUsers selected = SelectedUsers.in(session, customer);
        if (selected.isEmpty()) {
            return null;
        }
        return selected.isMatching() ? new Selection.Matching(selected.filter())
                : new Selection.UserIds(selected.ids());
    }

    /** The first selected users' display names in sorted order, as chips. */
    List<String> chips(HttpSession session, CustomerId customer) {
        SelectedUsers selected = SelectedUsers.in(session, customer);
        Locale locale = LocaleContextHolder.getLocale();
        if (selected.isMatching()) {
            return users.list(customer, selected.filter(), UserSort.DEFAULT, new PageRequest(0, CHIPS)).items()
                    .stream().map(User::displayName).toList();
        }
        return selected.sorted(locale, false, false).stream().limit(CHIPS).map(SelectedUsers.Entry::displayName)
                .toList();
    }

    /** Product names of the customer's subscriptions, by product, in the catalog's words. */
    Map<SkuId, String> productNames(CustomerId customer) {
        Map<SkuId, String> names = new LinkedHashMap<>();
        customers.subscriptions(customer).forEach(s -> names.put(s.skuId(),
                catalog.findProduct(s.skuId()).map(Product::productName).orElse(s.skuId().toString())));
        return names;
    }

    static String names(Collection<SkuId> skus, Map<SkuId, String> names) {
        return String.join(", ", skus.stream().map(s -> names.getOrDefault(s, s.toString())).sorted().toList());
    }

    /**
     * A failure in words: {@code licenses.error.<code>} with the product's name; a conflict or a missing plan names
     * the service plans and the products they come from when the failure carries them.
     */
    String words(LicenseFailure f, Map<SkuId, String> names) {
        String key = "licenses.error." + f.code();
        CatalogRules rules = catalog.rules();
        List<String> plans = f.servicePlans().stream().map(rules::planFriendlyName).toList();
        List<String> products = f.products().stream().map(p -> names.getOrDefault(p, rules.productName(p))).toList();
        if (f.code().equals(ErrorCode.MutuallyExclusiveViolation.name()) && plans.size() == 2 && products.size() == 2) {
            return products.get(0).equals(products.get(1))
                    ? messages.get(key + ".sameProduct", plans.get(0), plans.get(1), products.get(0))
                    : messages.get(key + ".named", plans.get(0), products.get(0), plans.get(1), products.get(1));
        }
        if (f.code().equals(ErrorCode.DependencyViolation.name()) && plans.size() > 1 && !products.isEmpty()) {
            String needed = plans.get(1);
            for (String other : plans.subList(2, plans.size())) {
                needed = messages.get("licenses.error.either", needed, other);
            }
            return products.size() > 1
                    ? messages.get(key + ".lost", plans.get(0), products.get(0), needed, products.get(1))
                    : messages.get(key + ".named", plans.get(0), products.get(0), needed);
        }
        String product = f.skuId() == null ? "" : names.getOrDefault(f.skuId(), rules.productName(f.skuId()));
        return messages.get(key, product);
    }

    List<String> words(List<LicenseFailure> failures, Map<SkuId, String> names) {
        List<String> list = new ArrayList<>();
        failures.forEach(f -> list.add(words(f, names)));
        return list;
    }
}
