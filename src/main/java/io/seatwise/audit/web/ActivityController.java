package io.seatwise.audit.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.seatwise.audit.ActivityEntry;
import io.seatwise.audit.ActivityLog;
import io.seatwise.audit.ActivityQuery;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import io.seatwise.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The activity log: who did what and when, filtered and paged. */
@Controller
class ActivityController {

    /** The actions the log writes, offered as a filter; a line with another action still shows. */
    static final List<String> ACTIONS = List.of("customer.created", "subscription.added",
            "subscription.seats-changed", "user.created", "users.imported", "user.updated", "user.password-reset",
            "user.password-changed", "user.deleted", "users.restored", "users.purged", "passwords.downloaded", "passwords.mailed", "licenses.changed", "licenses.undone", "agent.invited", "agent.changed", "agent.password-changed",
            "token.created", "token.revoked", "signin.failed");

    /** The filters and paging. */
    record FilterForm(String customer, String actor, String action, String text, Integer page, Integer size) {

        public boolean any() {
            return notBlank(customer) || notBlank(actor) || notBlank(action) || notBlank(text);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    private final ActivityLog log;
    private final CustomersService customers;
    private final ConsoleMessages messages;

    ActivityController(ActivityLog log, CustomersService customers, ConsoleMessages messages) {
        this.log = log;
        this.customers = customers;
        this.messages = messages;
    }

    @GetMapping("/activity")
    String list(FilterForm filter, Model model, HttpServletRequest request, HttpServletResponse response) {
        FormErrors errors = FormErrors.none();
        UUID customerId = null;
        if (filter.customer() != null && !filter.customer().isBlank()) {
            customerId = Ids.tryParse(filter.customer()).orElse(null);
            if (customerId == null) {
                errors = FormErrors.of("customer", messages.get("activity.badCustomerId"));
            }
        }
        PageResult<ActivityEntry> page = errors.isEmpty()
                ? log.search(new ActivityQuery(customerId, filter.actor(), filter.action(), filter.text()),
                        PageRequest.of(filter.page(), filter.size()))
                : new PageResult<>(List.of(), 0, 0, PageRequest.of(filter.page(), filter.size()).size());
        model.addAttribute("nav", "activity");
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("page", page);
        model.addAttribute("customerNames", customerNames(page.items()));
        return Htmx.wantsFragment(request, response) ? "activity/list :: results" : "activity/list";
    }

    /** Names of the customers on this page; a customer the log names but that is gone shows as its id. */
    private Map<UUID, String> customerNames(List<ActivityEntry> entries) {
        Map<UUID, String> names = new HashMap<>();
        entries.stream().map(ActivityEntry::customerId).filter(Objects::nonNull).distinct().forEach(id -> {
            try {
                names.put(id, customers.get(new CustomerId(id)).name());
            } catch (DomainException e) {
                if (e.kind() != DomainException.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        });
        return names;
    }
}
