package io.seatwise.customers.web;

import java.util.Arrays;
import java.util.List;

import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.customers.web.CustomerPage.AddSubscriptionForm;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import io.seatwise.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customers list with its search and the new-customer form, and a customer's page. */
@Controller
@RequestMapping("/customers")
class CustomersController {

    /** The search and paging of the list. */
    record SearchForm(String q, Integer page, Integer size) {
    }

    /** The new-customer form: domains one per line, as typed. */
    record NewCustomerForm(String name, String country, String domains) {

        static NewCustomerForm empty() {
            return new NewCustomerForm("", "", "");
        }

        /** The domains without blank lines, so an error's line number is the line of the list shown back. */
        List<String> domainList() {
            return domains == null ? List.of()
                    : Arrays.stream(domains.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private final CustomersService customers;
    private final CustomerPage page;
    private final ConsoleMessages messages;

    CustomersController(CustomersService customers, CustomerPage page, ConsoleMessages messages) {
        this.customers = customers;
        this.page = page;
        this.messages = messages;
    }

    @GetMapping
    String list(SearchForm search, Model model, HttpServletRequest request, HttpServletResponse response) {
        fillList(model, search);
        model.addAttribute("form", NewCustomerForm.empty());
        model.addAttribute("errors", FormErrors.none());
        return Htmx.wantsFragment(request, response) ? "customers/list :: results" : "customers/list";
    }

    @PostMapping
    String create(NewCustomerForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> domains = form.domainList();
        try {
            Customer created = customers.create(new NewCustomer(form.name(), form.country(), domains));
            redirect.addFlashAttribute("success", messages.get("customers.created", created.name()));
            return "redirect:/customers/" + created.id();
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fillList(model, new SearchForm(null, null, null));
            // Shown back without blank lines: the line numbers in the messages count these lines.
            model.addAttribute("form", new NewCustomerForm(form.name(), form.country(), String.join("\n", domains)));
            model.addAttribute("errors", messages.errors(e, domains));
            return "customers/list";
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable String id, String productQuery, Model model) {
        Customer customer = page.customer(id);
        page.fill(model, customer, new AddSubscriptionForm(productQuery, null, 1), FormErrors.none());
        return "customers/detail";
    }

    private void fillList(Model model, SearchForm search) {
        PageResult<Customer> result = customers.search(search.q(), PageRequest.of(search.page(), search.size()));
        model.addAttribute("nav", "customers");
        model.addAttribute("search", search);
        model.addAttribute("page", result);
    }
}
