package io.seatwise.users.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.passwordsheets.PasswordSheets;
import io.seatwise.passwordsheets.SheetNotes;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.users.CreatedUser;
import io.seatwise.users.NewUser;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.users.UserLicenses.LicenseRequest;
import io.seatwise.users.UsersService;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Add user (product.md, "User accounts"): one form; "Add another user" keeps collecting the new users on one
 * password sheet, "Add" ends on the confirmation page of that sheet.
 */
@Controller
class AddUserController {

    /** The add form; {@code sheet} is the open password sheet of an "Add another user" run. */
    record AddForm(String firstName, String lastName, String displayName, String localPart, String domain,
            String usageLocation, String directoryRole, List<String> licenses, String sheet, String next) {

        static AddForm empty(Customer customer, String sheet) {
            return new AddForm("", "", "", "", customer.domains().isEmpty() ? "" : customer.domains().get(0),
                    customer.country(), "NONE", List.of(), sheet, null);
        }

        /** A text field's value by name, for the template's loop over the name fields. */
        public String value(String field) {
            return switch (field) {
                case "firstName" -> firstName;
                case "lastName" -> lastName;
                case "displayName" -> displayName;
                default -> null;
            };
        }

        public boolean has(Object sku) {
            return licenses != null && licenses.contains(String.valueOf(sku));
        }
    }

    /** A subscribed product with its free seats, for the license checkboxes. */
    record ProductChoice(String skuId, String productName, int available) {
    }

    static final Set<String> FIELDS = Set.of("firstName", "lastName", "displayName", "localPart", "domain",
            "usageLocation", "directoryRole", "licenses");

    private final CustomersService customers;
    private final CatalogService catalog;
    private final UsersService users;
    private final PasswordSheets sheets;
    private final UserForms forms;
    private final ConsoleMessages messages;

    AddUserController(CustomersService customers, CatalogService catalog, UsersService users, PasswordSheets sheets,
            UserForms forms, ConsoleMessages messages) {
        this.customers = customers;
        this.catalog = catalog;
        this.users = users;
        this.sheets = sheets;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/customers/{id}/users/new")
    String form(@PathVariable String id, @RequestParam(required = false) String sheet, Model model) {
        Customer customer = customers.get(UserForms.customerId(id));
        PasswordSheets.Status open = openSheet(customer, sheet);
        fill(model, customer, AddForm.empty(customer, open == null ? null : open.id().toString()), FormErrors.none(),
                open);
        return "users/add";
    }

    @PostMapping("/customers/{id}/users/new")
    String add(@PathVariable String id, AddForm form, Model model, HttpServletResponse response, HttpSession session,
            RedirectAttributes redirect) {
        Customer customer = customers.get(UserForms.customerId(id));
        PasswordSheets.Status open = openSheet(customer, form.sheet());
        try {
            NewUser command = new NewUser(userName(form), form.firstName(), form.lastName(), form.displayName(),
                    form.usageLocation(), UserForms.role(form.directoryRole()));
            CreatedUser created = users.createOnSheet(customer.id(), command, requests(form),
                    open == null ? null : open.id());
            SheetNotes.of(session).add(created.passwordSheetId(), line(created));
            if ("another".equals(form.next())) {
                redirect.addFlashAttribute("success",
                        messages.get("useradd.added", created.user().userPrincipalName()));
                return "redirect:/customers/" + customer.id() + "/users/new?sheet=" + created.passwordSheetId();
            }
            return "redirect:/customers/" + customer.id() + "/users/sheets/" + created.passwordSheetId();
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, customer, form, forms.errors(e, FIELDS), open);
            return "users/add";
        }
    }

    /** The sheet the next user goes on, as it is now; null for a new one. */
    private PasswordSheets.Status openSheet(Customer customer, String sheet) {
        if (sheet == null || sheet.isBlank()) {
            return null;
        }
        UUID open = UserForms.sheetId(sheet);
        PasswordSheets.Status status;
        try {
            status = sheets.status(customer.id(), open);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            // Expired (after seatwise.password-sheet-validity) and swept: the next user starts a new sheet, and the
            // form the agent filled in is not lost to a "not found" page.
            return null;
        }
        // A sheet handed out already takes no more users: start a new one.
        return status.closed() ? null : status;
    }

    private static String userName(AddForm form) {
        String local = form.localPart() == null ? "" : form.localPart().strip();
        if (local.isEmpty()) {
            throw DomainException.invalid("validation", "userPrincipalName", "userPrincipalName is required");
        }
        if (local.contains("@")) {
            throw DomainException.invalid("validation", "userPrincipalName", "the user name has a @");
        }
        String domain = form.domain() == null ? "" : form.domain().strip();
        return local + "@" + domain;
    }

    private static List<LicenseRequest> requests(AddForm form) {
        List<LicenseRequest> requests = new ArrayList<>();
        for (String sku : form.licenses() == null ? List.<String>of() : form.licenses()) {
            requests.add(new LicenseRequest(new SkuId(Ids.parseField(sku, "licenses")), Set.of()));
        }
        return requests;
    }

    private SheetNotes.Line line(CreatedUser created) {
        if (created.licenses() == null) {
            return new SheetNotes.Line(created.user().userPrincipalName(), false, List.of());
        }
        List<String> failures = new ArrayList<>();
        for (LicenseFailure e : created.licenses().errors()) {
            String product = e.skuId() == null ? "" : catalog.findProduct(e.skuId()).map(p -> p.productName() + ": ")
                    .orElse("");
            failures.add(product + forms.reason(e.code(), e.message()));
        }
        return new SheetNotes.Line(created.user().userPrincipalName(), true, failures);
    }

    private void fill(Model model, Customer customer, AddForm form, FormErrors errors, PasswordSheets.Status sheet) {
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sheet", sheet == null ? null : sheet.id());
        model.addAttribute("sheetStatus", sheet);
        model.addAttribute("roles", UserForms.grantableRoles());
        model.addAttribute("products", customers.subscriptions(customer.id()).stream()
                .flatMap(s -> catalog.findProduct(s.skuId())
                        .map(p -> new ProductChoice(s.skuId().toString(), p.productName(), s.available())).stream())
                .sorted(Comparator.comparing(ProductChoice::productName)).toList());
    }
}
