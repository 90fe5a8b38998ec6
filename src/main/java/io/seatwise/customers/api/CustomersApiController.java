package io.seatwise.customers.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/customers}: create, list, get. */
@RestController
@RequestMapping("/api/v1/customers")
class CustomersApiController {

    record CreateCustomerRequest(String name, String country, List<String> domains) {
    }

    record CustomerResponse(UUID id, String name, String country, List<String> domains, String defaultDomain,
            Instant createdAt) {

        static CustomerResponse of(Customer c) {
            return new CustomerResponse(c.id().value(), c.name(), c.country(), c.domains(),
                    c.domains().isEmpty() ? null : c.domains().get(0), c.createdAt());
        }
    }

    private final CustomersService customers;

    CustomersApiController(CustomersService customers) {
        this.customers = customers;
    }

    /** The permission is checked before the body, so a refused role never learns what is wrong with it. */
    @PostMapping
    @PreAuthorize("hasAuthority('customers:write')")
    ResponseEntity<CustomerResponse> create(@RequestBody CreateCustomerRequest request) {
        Customer customer = customers.create(new NewCustomer(request.name(), request.country(), request.domains()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.id()))
                .body(CustomerResponse.of(customer));
    }

    @GetMapping
    PageResult<CustomerResponse> list(@RequestParam(required = false) String search,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return customers.search(search, PageRequest.of(page, size)).map(CustomerResponse::of);
    }

    @GetMapping("/{customerId}")
    CustomerResponse get(@PathVariable String customerId) {
        return CustomerResponse.of(customers.get(new CustomerId(Ids.parse(customerId, "customer"))));
    }
}
