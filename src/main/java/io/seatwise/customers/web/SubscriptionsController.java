package io.seatwise.customers.web;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.Order;
import io.seatwise.customers.web.CustomerPage.AddSubscriptionForm;
import io.seatwise.customers.web.CustomerPage.Row;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import io.seatwise.web.Htmx;
import io.seatwise.web.ReturnTo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** A customer's subscriptions: the catalog search to add one, adding it, and Buy more with its confirmation. */
@Controller
@RequestMapping("/customers/{id}")
class SubscriptionsController {

    /** The Buy more form: how many seats to add; {@code returnTo}, a local path to go back to (else the customer). */
    record BuyMoreForm(Integer quantity, String returnTo) {

        /** Where Cancel and a purchase lead: {@code returnTo} when it is a path on this site. */
        public String back(CustomerId customer) {
            String local = ReturnTo.local(returnTo);
            return local != null ? local : "/customers/" + customer;
        }

        /** The validated return path, or null, for the hidden field. */
        public String localReturn() {
            return ReturnTo.local(returnTo);
        }

        /**
         * The form as bound; when a quantity that is no number (or too large a one) kept the form from being made,
         * an empty one with its return path, put in the model for the page.
         */
        static BuyMoreForm orEmpty(BuyMoreForm bound, jakarta.servlet.http.HttpServletRequest request, Model model) {
            BuyMoreForm form = bound != null ? bound : new BuyMoreForm(null, request.getParameter("returnTo"));
            model.addAttribute("form", form);
            return form;
        }
    }

    private final CustomersService customers;
    private final CustomerPage page;
    private final ConsoleMessages messages;

    SubscriptionsController(CustomersService customers, CustomerPage page, ConsoleMessages messages) {
        this.customers = customers;
        this.page = page;
        this.messages = messages;
    }

    /**
     * The products matching the search box of the add-subscription form: a fragment for htmx. Without htmx the
     * search box submits to the customer's page, which shows the same list; a stray plain request goes there too.
     */
    @GetMapping("/products")
    String products(@PathVariable String id, String productQuery, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Customer customer = page.customer(id);
        if (!Htmx.wantsFragment(request, response)) {
            return "redirect:" + UriComponentsBuilder.fromPath("/customers/{id}").queryParam("productQuery", "{q}")
                    .fragment("add-subscription").encode().buildAndExpand(customer.id(),
                            productQuery == null ? "" : productQuery).toUriString();
        }
        page.products(model, customer, page.rows(customer), productQuery);
        model.addAttribute("add", new AddSubscriptionForm(productQuery, null, 1));
        model.addAttribute("addErrors", FormErrors.none());
        return "customers/detail :: productChoices";
    }

    @PostMapping("/subscriptions")
    String add(@PathVariable String id, @ModelAttribute("add") AddSubscriptionForm form, BindingResult binding,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Customer customer = page.customer(id);
        FormErrors errors = FormErrors.none();
        if (form.skuId() == null || form.skuId().isBlank()) {
            errors = errors.with("skuId", messages.get("subscriptions.chooseProduct"));
        }
        if (binding.hasFieldErrors("quantity") || form.quantity() == null) {
            errors = errors.with("quantity", messages.get("error.number"));
        }
        if (errors.isEmpty()) {
            try {
                SkuId sku = new SkuId(Ids.parse(form.skuId(), "product"));
                customers.addSubscription(customer.id(), sku, form.quantity());
                Row row = page.row(customers.subscription(customer.id(), sku));
                redirect.addFlashAttribute("success", messages.get("subscriptions.added",
                        row.product().productName(), form.quantity()));
                return "redirect:/customers/" + customer.id();
            } catch (DomainException e) {
                errors = e.kind() == DomainException.Kind.NOT_FOUND
                        ? FormErrors.of("skuId", messages.get("subscriptions.chooseProduct"))
                        : messages.errors(e);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        page.fill(model, customer, form, errors);
        return "customers/detail";
    }

    /** The confirmation step of Buy more; changes nothing. */
    @GetMapping("/subscriptions/{sku}/buy-more")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    public String confirm(@PathVariable String id, @PathVariable String sku,
            @ModelAttribute("form") BuyMoreForm bound, BindingResult binding, Model model,
            jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        BuyMoreForm form = BuyMoreForm.orEmpty(bound, request, model);
        FormErrors errors = FormErrors.none();
        if (binding.hasFieldErrors("quantity") || form.quantity() == null || form.quantity() < 1) {
            errors = FormErrors.of("quantity", messages.get("buyMore.enterQuantity"));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return confirmPage(id, sku, form, errors, model);
    }

    @PostMapping("/subscriptions/{sku}/buy-more")
    String buyMore(@PathVariable String id, @PathVariable String sku, @ModelAttribute("form") BuyMoreForm bound,
            BindingResult binding, Model model, jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        BuyMoreForm form = BuyMoreForm.orEmpty(bound, request, model);
        CustomerId customerId = CustomerPage.id(id);
        SkuId skuId = CustomerPage.skuId(sku);
        FormErrors errors;
        if (binding.hasFieldErrors("quantity") || form.quantity() == null) {
            errors = FormErrors.of("quantity", messages.get("buyMore.enterQuantity"));
        } else {
            try {
                Order order = customers.buyMore(customerId, skuId, form.quantity());
                Row row = page.row(customers.subscription(customerId, skuId));
                redirect.addFlashAttribute("success", messages.get("buyMore.done", order.quantityChange(),
                        row.product().productName(), order.newQuantity()));
                return "redirect:" + form.back(customerId);
            } catch (DomainException e) {
                if (e.kind() == DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
                errors = messages.errors(e);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return confirmPage(id, sku, form, errors, model);
    }

    private String confirmPage(String id, String sku, BuyMoreForm form, FormErrors errors, Model model) {
        Customer customer = page.customer(id);
        Row row = page.row(customers.subscription(customer.id(), CustomerPage.skuId(sku)));
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("row", row);
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            model.addAttribute("newTotal", (long) row.subscription().quantity() + form.quantity());
        }
        return "customers/buy-more";
    }
}
