package io.seatwise.users.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.users.RestoreResult;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.users.UsersService;
import io.seatwise.web.Confirmation;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deleted users (product.md, "Deleted users (N)"): the list with the date each can be restored until, Restore for
 * the selected ones after a confirmation step, and a result per user.
 */
@Controller
class DeletedUsersController {

    /** A row of the list. */
    record Row(User user, Instant restorableUntil) {
    }

    /** One user's restore in words: the licenses back, and those not (product: reason), or why it failed. */
    record Outcome(String userPrincipalName, boolean restored, List<String> licensesBack, List<String> problems) {
    }

    private final CustomersService customers;
    private final UsersService users;
    private final CatalogService catalog;
    private final UserForms forms;
    private final ConsoleMessages messages;

    DeletedUsersController(CustomersService customers, UsersService users, CatalogService catalog, UserForms forms,
            ConsoleMessages messages) {
        this.customers = customers;
        this.users = users;
        this.catalog = catalog;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/customers/{id}/users/deleted")
    String list(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Customer customer = customers.get(UserForms.customerId(id));
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("retentionDays", users.retention().toDays());
        model.addAttribute("page", users.deleted(customer.id(), PageRequest.of(page, size))
                .map(u -> new Row(u, u.deletedAt().plus(users.retention()))));
        return Htmx.wantsFragment(request, response) ? "users/deleted :: results" : "users/deleted";
    }

    /** Asks before restoring the selected users, naming them. */
    @GetMapping("/customers/{id}/users/deleted/restore")
    String confirmRestore(@PathVariable String id, @RequestParam(required = false) List<String> userIds,
            Model model, RedirectAttributes redirect) {
        Customer customer = customers.get(UserForms.customerId(id));
        List<UserId> ids = ids(userIds);
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("error", messages.get("userdeleted.noneSelected"));
            return "redirect:/customers/" + customer.id() + "/users/deleted";
        }
        List<UserId> first = ids.subList(0, Math.min(ids.size(), 10));
        Map<UserId, User> found = users.find(customer.id(), first);
        // A user purged meanwhile is named by its id: the restore itself reports it (UserNotFound)
        List<String> names = first.stream().map(u -> found.containsKey(u) ? found.get(u).userPrincipalName()
                : u.toString()).toList();
        String shown = String.join(", ", names) + (ids.size() > names.size() ? ", …" : "");
        model.addAttribute("nav", "customers");
        model.addAttribute("confirmation", new Confirmation(messages.get("userdeleted.restore"),
                messages.get("userdeleted.restoreQuestion", ids.size(), shown),
                "/customers/" + customer.id() + "/users/deleted/restore",
                Map.of("userIds", String.join(",", ids.stream().map(UserId::toString).toList())),
                messages.get("userdeleted.restore"), "/customers/" + customer.id() + "/users/deleted", false));
        return "confirm";
    }

    @PostMapping("/customers/{id}/users/deleted/restore")
    String restore(@PathVariable String id, @RequestParam(required = false) List<String> userIds, Model model,
            RedirectAttributes redirect) {
        Customer customer = customers.get(UserForms.customerId(id));
        List<UserId> ids = ids(userIds);
        List<RestoreResult> results;
        try {
            results = users.restore(customer.id(), ids);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", forms.text(e));
            return "redirect:/customers/" + customer.id() + "/users/deleted";
        }
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("outcomes", results.stream().map(this::outcome).toList());
        model.addAttribute("restoredCount", results.stream().filter(RestoreResult::restored).count());
        return "users/restored";
    }

    private Outcome outcome(RestoreResult r) {
        List<String> problems = new ArrayList<>();
        for (LicenseFailure e : r.errors()) {
            problems.add(forms.reason(e.code(), e.message()));
        }
        for (LicenseFailure e : r.notRestored()) {
            problems.add(product(e.skuId()) + ": " + forms.reason(e.code(), e.message()));
        }
        String name = r.userPrincipalName() == null ? r.userId().toString() : r.userPrincipalName();
        return new Outcome(name, r.restored(), r.restoredLicenses().stream().map(this::product).toList(), problems);
    }

    private String product(SkuId sku) {
        return sku == null ? "" : catalog.findProduct(sku).map(p -> p.productName()).orElse(sku.toString());
    }

    /** The selected ids: check boxes send one each, the confirmation step sends them comma-separated. */
    private static List<UserId> ids(List<String> values) {
        LinkedHashSet<UserId> ids = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String one : value.split(",")) {
                if (!one.isBlank()) {
                    ids.add(new UserId(Ids.parseField(one, "userIds")));
                }
            }
        }
        return List.copyOf(ids);
    }
}
