package io.seatwise.users.web;

import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.web.Htmx;
import io.seatwise.users.UsersService;
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

    /** The paging of the list. */
    record PagingForm(Integer page, Integer size) {
    }

    private final CustomersService customers;
    private final UsersService users;

    CustomerUsersController(CustomersService customers, UsersService users) {
        this.customers = customers;
        this.users = users;
    }

    @GetMapping("/customers/{id}/users")
    String list(@PathVariable String id, PagingForm paging, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Customer customer = customers.get(new CustomerId(Ids.parse(id, "customer")));
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("page", users.list(customer.id(), PageRequest.of(paging.page(), paging.size())));
        return Htmx.wantsFragment(request, response) ? "users/list :: results" : "users/list";
    }
}
