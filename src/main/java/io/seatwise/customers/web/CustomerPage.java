package io.seatwise.customers.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.Subscription;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.web.FormErrors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Builds the model of a customer's page, which the page itself and the forms on it (after an error) render. */
@Component
class CustomerPage {

    /** Products offered by the add-subscription search at once; more means the agent should type more. */
    static final int PRODUCT_CHOICES = 10;

    /** A subscription with its product, as a row of the subscriptions table. */
    record Row(Subscription subscription, Product product) {
    }

    /** The add-subscription form. */
    record AddSubscriptionForm(String productQuery, String skuId, Integer quantity) {

        static AddSubscriptionForm empty() {
            return new AddSubscriptionForm(null, null, 1);
        }
    }

    private final CustomersService customers;
    private final CatalogService catalog;

    CustomerPage(CustomersService customers, CatalogService catalog) {
        this.customers = customers;
        this.catalog = catalog;
    }

    static CustomerId id(String text) {
        return new CustomerId(Ids.parse(text, "customer"));
    }

    static SkuId skuId(String text) {
        return new SkuId(Ids.parse(text, "subscription"));
    }

    Customer customer(String id) {
        return customers.get(id(id));
    }

    Row row(Subscription subscription) {
        // A subscription outlives a catalog that drops its product; show its id rather than fail the page.
        Product product = catalog.findProduct(subscription.skuId())
                .orElse(new Product(subscription.skuId(), subscription.skuId().toString(), subscription.skuId().toString()));
        return new Row(subscription, product);
    }

    /** Fills the model of {@code customers/detail}; the add-subscription form keeps what the agent entered. */
    void fill(Model model, Customer customer, AddSubscriptionForm add, FormErrors addErrors) {
        List<Row> rows = rows(customer);
        model.addAttribute("nav", "customers");
        model.addAttribute("tab", "subscriptions");
        model.addAttribute("customer", customer);
        model.addAttribute("rows", rows);
        model.addAttribute("add", add);
        model.addAttribute("addErrors", addErrors);
        products(model, customer, rows, add.productQuery());
    }

    /** The products the add-subscription search finds, those already subscribed marked. */
    void products(Model model, Customer customer, List<Row> rows, String query) {
        model.addAttribute("customer", customer);
        model.addAttribute("productQuery", query);
        if (query == null || query.isBlank()) {
            model.addAttribute("products", null);
            return;
        }
        PageResult<Product> found = catalog.search(query, new PageRequest(0, PRODUCT_CHOICES));
        Set<SkuId> subscribed = rows.stream().map(r -> r.subscription().skuId()).collect(Collectors.toSet());
        model.addAttribute("products", found);
        model.addAttribute("subscribed", subscribed);
    }

    List<Row> rows(Customer customer) {
        return customers.subscriptions(customer.id()).stream().map(this::row).toList();
    }
}
