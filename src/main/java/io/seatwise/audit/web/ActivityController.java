package io.seatwise.audit.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.audit.ActivityEntry;
import io.seatwise.audit.ActivityLog;
import io.seatwise.audit.ActivityQuery;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.CsvCells;
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

/** The activity log: who did what and when, filtered, paged and exported as CSV. */
@Controller
class ActivityController {

    /** The actions the log writes, offered as a filter; a line with another action still shows. */
    static final List<String> ACTIONS = List.of("customer.created", "subscription.added",
            "subscription.seats-changed", "user.created", "users.imported", "user.updated", "user.password-reset",
            "user.password-changed", "user.deleted", "users.restored", "users.purged", "passwords.downloaded",
            "passwords.mailed", "licenses.changed", "licenses.undone", "agent.invited", "agent.changed",
            "agent.password-changed", "token.created", "token.revoked", "scimtoken.created",
            "scimtoken.revoked", "scim.licenses-failed", "signin.failed", "access.locked",
            "access.unlocked", "second-factor.enrolled", "second-factor.reset");

    /** A line of the page: the entry with its action and details in the reader's words. */
    record Row(ActivityEntry entry, String action, String details) {
    }

    /** The filters and paging; the customer is a name (or the start of one) or an id; dates are days, inclusive. */
    record FilterForm(String customer, String actor, String action, String text, String from, String to,
            Integer page, Integer size) {

        public boolean any() {
            return notBlank(customer) || notBlank(actor) || notBlank(action) || notBlank(text) || notBlank(from)
                    || notBlank(to);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** The form read: the query, or what is wrong with it field by field. */
    private record Read(ActivityQuery query, FormErrors errors) {
    }

    private final ActivityLog log;
    private final CustomersService customers;
    private final ConsoleMessages messages;
    private final ActivityWords words;

    ActivityController(ActivityLog log, CustomersService customers, ConsoleMessages messages, ActivityWords words) {
        this.log = log;
        this.customers = customers;
        this.messages = messages;
        this.words = words;
    }

    @GetMapping("/activity")
    String list(FilterForm filter, Model model, HttpServletRequest request, HttpServletResponse response) {
        Read read = read(filter);
        PageRequest paging = PageRequest.of(filter.page(), filter.size());
        PageResult<ActivityEntry> page = read.errors().isEmpty() ? log.search(read.query(), paging)
                : new PageResult<>(List.of(), 0, 0, paging.size());
        model.addAttribute("nav", "activity");
        model.addAttribute("filter", filter);
        model.addAttribute("errors", read.errors());
        ActivityWords.Reader reader = words.reader();
        Map<String, String> actions = new LinkedHashMap<>();
        ACTIONS.forEach(a -> actions.put(a, reader.action(a)));
        model.addAttribute("actions", actions);
        model.addAttribute("page", page);
        model.addAttribute("rows", page.items().stream()
                .map(e -> new Row(e, reader.action(e.action()), reader.details(e))).toList());
        model.addAttribute("customerNames", customerNames(page.items()));
        return Htmx.wantsFragment(request, response) ? "activity/list :: results" : "activity/list";
    }

    /**
     * The lines the filters find, all of them, as CSV for Excel (UTF-8 with BOM, formula cells neutralised), read
     * and written a line at a time. Filters with a mistake show the page with the message instead.
     */
    @GetMapping("/activity/export.csv")
    String export(FilterForm filter, Model model, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Read read = read(filter);
        if (!read.errors().isEmpty()) {
            return list(filter, model, request, response);
        }
        // The file starts with the first line read, so a refusal (checked as the reading starts) is still a 403.
        Map<UUID, Optional<String>> names = new HashMap<>();
        CsvCells.Sheet[] csv = new CsvCells.Sheet[1];
        ActivityWords.Reader reader = words.reader();
        try {
            log.forEach(read.query(), e -> {
                try {
                    if (csv[0] == null) {
                        csv[0] = startCsv(response);
                    }
                    csv[0].row(e.occurredAt(), e.actor(), e.customerId(),
                            e.customerId() == null ? null : names.computeIfAbsent(e.customerId(),
                                    this::customerName).orElse(null),
                            reader.action(e.action()), reader.details(e));
                } catch (IOException failed) {
                    throw new java.io.UncheckedIOException(failed);
                }
            });
            if (csv[0] == null) {
                csv[0] = startCsv(response);
            }
        } finally {
            if (csv[0] != null) {
                csv[0].close();
            }
        }
        return null;
    }

    private CsvCells.Sheet startCsv(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"activity-" + LocalDate.now(zone())
                + ".csv\"");
        return CsvCells.excel(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), List.of(
                messages.get("activity.csv.when"), messages.get("activity.actor"),
                messages.get("activity.csv.customerId"), messages.get("activity.customer"),
                messages.get("activity.action"), messages.get("activity.details")));
    }

    private Read read(FilterForm filter) {
        FormErrors errors = FormErrors.none();
        UUID customerId = null;
        String customer = filter.customer() == null ? "" : filter.customer().strip();
        if (!customer.isEmpty()) {
            customerId = Ids.tryParse(customer).orElse(null);
            if (customerId == null) {
                PageResult<Customer> found = customers.search(customer, PageRequest.of(0, 20));
                List<Customer> exact = found.items().stream().filter(c -> c.name().equalsIgnoreCase(customer))
                        .toList();
                if (found.totalCount() == 1 || exact.size() == 1) {
                    customerId = (exact.size() == 1 ? exact.get(0) : found.items().get(0)).id().value();
                } else if (found.totalCount() == 0) {
                    errors = errors.with("customer", messages.get("activity.noCustomer", customer));
                } else {
                    errors = errors.with("customer", messages.get("activity.manyCustomers", found.totalCount(),
                            customer));
                }
            }
        }
        Instant from = day(filter.from(), "from", 0);
        Instant to = day(filter.to(), "to", 1);
        if (filter.from() != null && !filter.from().isBlank() && from == null) {
            errors = errors.with("from", messages.get("activity.badDate"));
        }
        if (filter.to() != null && !filter.to().isBlank() && to == null) {
            errors = errors.with("to", messages.get("activity.badDate"));
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors = errors.with("to", messages.get("activity.toBeforeFrom"));
        }
        return new Read(new ActivityQuery(customerId, filter.actor(), filter.action(), filter.text(), from, to),
                errors);
    }

    /** The start of the given day (plus {@code days}) in the zone the console shows times in; null if unreadable. */
    private static Instant day(String text, String field, int days) {
        return text == null || text.isBlank() ? null : ActivityQuery.startOfDay(text, zone(), days).orElse(null);
    }

    /** The console's time zone (ConsoleView shows times in it). */
    private static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    private Optional<String> customerName(UUID id) {
        try {
            return Optional.of(customers.get(new CustomerId(id)).name());
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Names of the customers on this page; a customer the log names but that is gone shows as its id. */
    private Map<UUID, String> customerNames(List<ActivityEntry> entries) {
        Map<UUID, String> names = new HashMap<>();
        entries.stream().map(ActivityEntry::customerId).filter(Objects::nonNull).distinct()
                .forEach(id -> customerName(id).ifPresent(name -> names.put(id, name)));
        return names;
    }
}
