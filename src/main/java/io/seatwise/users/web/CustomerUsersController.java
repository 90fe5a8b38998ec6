package io.seatwise.users.web;

import java.util.Comparator;
import java.util.List;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import io.seatwise.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A customer's Users tab, read-only for now. It lives in the users module because users depend on customers,
 * never the other way round; the customer's page links to it as a tab.
 */
@Controller
class CustomerUsersController {

    /** Filter, search, sort and paging, named as in the API ({@code sku} with licensed or unlicensed). */
    record ListForm(String filter, String sku, String q, String sort, Integer page, Integer size) {

        UserFilter userFilter() {
            UserFilter.Type type = UserFilter.type(filter);
            SkuId product = sku == null || sku.isBlank() ? null : new SkuId(Ids.parseField(sku, "sku"));
            if (product != null && type == UserFilter.Type.LICENSED) {
                type = UserFilter.Type.HAS_PRODUCT;
            } else if (product != null && type == UserFilter.Type.UNLICENSED) {
                type = UserFilter.Type.LACKS_PRODUCT;
            }
            return new UserFilter(type, product, q);
        }

        /** Whether the list shows less than every user (the empty list then says "no match", not "no users"). */
        public boolean narrowed() {
            return userFilter().type() != UserFilter.Type.ALL || userFilter().search() != null;
        }
    }

    /** A choice of a select: the value the API takes and the message naming it. */
    record Choice(String value, String label) {
    }

    /** The filters the form offers ("has product X" is licensed with a product, "lacks" unlicensed with one). */
    static final List<Choice> FILTERS = List.of(new Choice("all", "users.filter.all"),
            new Choice("licensed", "users.filter.licensed"), new Choice("unlicensed", "users.filter.unlicensed"),
            new Choice("admins", "users.filter.admins"), new Choice("blocked", "users.filter.blocked"),
            new Choice("deleted", "users.filter.deleted"));
    /** The orders the form offers. */
    static final List<Choice> SORTS = List.of(new Choice("displayName", "users.sort.displayName"),
            new Choice("-displayName", "users.sort.displayNameDescending"),
            new Choice("userPrincipalName", "users.sort.userName"),
            new Choice("-userPrincipalName", "users.sort.userNameDescending"));

    private final CustomersService customers;
    private final UsersService users;
    private final CatalogService catalog;

    CustomerUsersController(CustomersService customers, UsersService users, CatalogService catalog) {
        this.customers = customers;
        this.users = users;
        this.catalog = catalog;
    }

    @GetMapping("/customers/{id}/users")
    String list(@PathVariable String id, ListForm form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Customer customer = customers.get(new CustomerId(Ids.parse(id, "customer")));
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        model.addAttribute("filters", FILTERS);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("products", customers.subscriptions(customer.id()).stream()
                .flatMap(s -> catalog.findProduct(s.skuId()).stream())
                .sorted(Comparator.comparing(Product::productName)).toList());
        model.addAttribute("page", users.list(customer.id(), form.userFilter(), UserSort.parse(form.sort()),
                PageRequest.of(form.page(), form.size())));
        return Htmx.wantsFragment(request, response) ? "users/list :: results" : "users/list";
    }
}
