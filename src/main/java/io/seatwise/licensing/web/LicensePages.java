package io.seatwise.licensing.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.licensing.Selection;
import io.seatwise.licensing.Violation;
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

    /** A failure in words: {@code licenses.error.<code>} with the product's name. */
    String words(Violation v, Map<SkuId, String> names) {
        String product = v.skuId() == null ? "" : names.getOrDefault(v.skuId(), v.skuId().toString());
        return messages.get("licenses.error." + v.code().name(), product);
    }

    List<String> words(List<Violation> violations, Map<SkuId, String> names) {
        List<String> list = new ArrayList<>();
        violations.forEach(v -> list.add(words(v, names)));
        return list;
    }
}
