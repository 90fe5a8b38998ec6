package io.seatwise.users.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.PageAnchor;
import io.seatwise.users.SelectedUsers;
import io.seatwise.users.User;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import io.seatwise.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A customer's Users and licenses list: filters, search, sort, paging, the selection (kept per customer in the
 * session, see {@link SelectedUsers}) and the Selected users view. It lives in the users module because users
 * depend on customers, never the other way round; the customer's page links to it as a tab.
 */
@Controller
class CustomerUsersController {

    /** Filter, search, sort and paging, named as in the API ({@code sku} with licensed or unlicensed). */
    record ListForm(String filter, String sku, String q, String sort, Integer page, Integer size, String view,
            String after, String before) {

        /**
         * Where Next or Previous continue from (the console's links carry the edge user's id, so a page thousands
         * deep seeks instead of skipping rows); an id that is malformed or not this list's is ignored.
         */
        PageAnchor anchor() {
            UserId a = Ids.tryParse(after).map(UserId::new).orElse(null);
            UserId b = a != null ? null : Ids.tryParse(before).map(UserId::new).orElse(null);
            return new PageAnchor(a, b);
        }


        /** The filter in the words the API takes ({@link UserFilter#parse}). */
        UserFilter userFilter() {
            return UserFilter.parse(filter, sku, q);
        }

        /** Whether the list shows less than every user (the empty list then says "no match", not "no users"). */
        public boolean narrowed() {
            return userFilter().type() != UserFilter.Type.ALL || userFilter().search() != null;
        }

        /** The Selected users view rather than the filtered list. */
        public boolean selectedView() {
            return "selected".equals(view);
        }

        /** Deleted users cannot be selected: no licenses are managed for them. */
        public boolean selectable() {
            return userFilter().type() != UserFilter.Type.DELETED;
        }

        /** This list's address (for redirects after a change of the selection), its filters kept. */
        String url(CustomerId customer) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/customers/" + customer.value() + "/users");
            add(b, "filter", filter);
            add(b, "sku", sku);
            add(b, "q", q);
            add(b, "sort", sort);
            add(b, "page", page);
            add(b, "size", size);
            add(b, "view", view);
            return b.build().encode().toUriString();
        }

        private static void add(UriComponentsBuilder b, String name, Object value) {
            if (value != null && !value.toString().isBlank()) {
                b.queryParam(name, value);
            }
        }
    }

    /** The first and last user of the page shown: Previous seeks before the first, Next after the last. */
    record PageAnchors(java.util.UUID first, java.util.UUID last) {
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
    /** Page sizes the list offers. */
    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200);

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
            HttpServletResponse response, HttpSession session) {
        Customer customer = customers.get(new CustomerId(Ids.parse(id, "customer")));
        SelectedUsers selection = SelectedUsers.in(session, customer.id());
        PageRequest pageRequest = PageRequest.of(form.page(), form.size());
        UserSort sort = UserSort.parse(form.sort());
        PageResult<User> page = form.selectedView() ? selectedPage(customer.id(), selection, sort, pageRequest)
                : users.list(customer.id(), form.userFilter(), sort, pageRequest, form.anchor());
        if (!form.selectedView() && !page.items().isEmpty()) {
            model.addAttribute("pageAnchors", new PageAnchors(page.items().get(0).id().value(),
                    page.items().get(page.items().size() - 1).id().value()));
        }
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        model.addAttribute("filters", FILTERS);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("pageSizes", PAGE_SIZES);
        List<Product> products = customers.subscriptions(customer.id()).stream()
                .flatMap(s -> catalog.findProduct(s.skuId()).stream())
                .sorted(Comparator.comparing(Product::productName)).toList();
        model.addAttribute("products", products);
        model.addAttribute("page", page);
        // Deleted users' licenses are suspended: their list has no Licenses column.
        model.addAttribute("licenses", form.selectable() ? licenses(customer.id(), page, products) : Map.of());
        model.addAttribute("selection", selection);
        model.addAttribute("selectedCount", selectedCount(customer.id(), selection));
        model.addAttribute("matchingThisList", selection.isMatching()
                && (form.selectedView() || selection.filter().equals(form.userFilter())));
        model.addAttribute("pageState", pageState(page, selection));
        model.addAttribute("deletedCount", users.deleted(customer.id(), new PageRequest(0, 1)).totalCount());
        return Htmx.wantsFragment(request, response) ? "users/list :: results" : "users/list";
    }

    /**
     * The Licenses column: each shown user's products by name, sorted, keyed by user id; read for the whole page in
     * one statement. A user without licenses has no entry.
     */
    private Map<UUID, String> licenses(CustomerId customer, PageResult<User> page, List<Product> products) {
        Map<SkuId, String> names = products.stream()
                .collect(Collectors.toMap(Product::skuId, Product::productName, (a, b) -> a));
        Map<UserId, List<SkuId>> held = users.licensedProducts(customer,
                page.items().stream().map(User::id).toList());
        Map<UUID, String> shown = new HashMap<>();
        held.forEach((user, skus) -> shown.put(user.value(), String.join(", ", skus.stream()
                .map(sku -> names.getOrDefault(sku, sku.toString())).sorted().toList())));
        return shown;
    }

    /** How many users are selected: the picked ones, or the count of those matching the selection's filter. */
    long selectedCount(CustomerId customer, SelectedUsers selection) {
        return selection.isMatching() ? users.list(customer, selection.filter(), UserSort.DEFAULT,
                new PageRequest(0, 1)).totalCount() : selection.size();
    }

    /** The header checkbox: "all", "some" or "none" of this page's users selected. */
    static String pageState(PageResult<User> page, SelectedUsers selection) {
        if (page.items().isEmpty()) {
            return "none";
        }
        long picked = page.items().stream().filter(u -> selection.contains(u.id().value())).count();
        return picked == 0 ? "none" : picked == page.items().size() ? "all" : "some";
    }

    /** A page of the selection: picked users sorted in memory, or the users matching the selection's filter. */
    private PageResult<User> selectedPage(CustomerId customer, SelectedUsers selection, UserSort sort,
            PageRequest page) {
        if (selection.isMatching()) {
            return users.list(customer, selection.filter(), sort, page);
        }
        List<SelectedUsers.Entry> sorted = selection.sorted(LocaleContextHolder.getLocale(),
                sort.field() == UserSort.Field.USER_NAME, sort.descending());
        if (page.offset() >= sorted.size() && !sorted.isEmpty()) {
            // The last users of the last page were just taken out: show the page that is now last.
            page = new PageRequest((sorted.size() - 1) / page.size(), page.size());
        }
        int from = (int) Math.min(sorted.size(), page.offset());
        List<UserId> shown = sorted.subList(from, Math.min(sorted.size(), from + page.size())).stream()
                .map(e -> new UserId(e.id())).toList();
        Map<UserId, User> found = users.find(customer, shown);
        // A user purged since it was selected is not shown; the selection counts it until it is taken out.
        List<User> items = shown.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        return new PageResult<>(items, sorted.size(), page.page(), page.size());
    }
}
