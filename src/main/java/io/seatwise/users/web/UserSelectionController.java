package io.seatwise.users.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.SelectedUsers;
import io.seatwise.users.User;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import io.seatwise.users.web.CustomerUsersController.ListForm;
import io.seatwise.web.ConsoleMessages;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changes the selection of the users list: the checkboxes of a page, "select all matching", "pick one by one",
 * clear. Each answers with a redirect to the list as it was, so a plain form and an htmx request (which follows
 * the redirect and swaps the list in) end the same way.
 */
@Controller
class UserSelectionController {

    private final CustomersService customers;
    private final UsersService users;
    private final ConsoleMessages messages;

    UserSelectionController(CustomersService customers, UsersService users, ConsoleMessages messages) {
        this.customers = customers;
        this.users = users;
        this.messages = messages;
    }

    /**
     * {@code pageIds}: the users shown on the page; {@code userIds}: those of them checked; {@code wholePage}: the
     * header checkbox, {@code pageWas}: its state when the page was shown (all, some, none). {@code action}: {@code update} (default), {@code matching}, {@code pick}, {@code clear},
     * and {@code remove} (the id of one user to take out).
     */
    @PostMapping("/customers/{id}/users/selection")
    String change(@PathVariable String id, ListForm form, @RequestParam(required = false) List<String> pageIds,
            @RequestParam(required = false) List<String> userIds, @RequestParam(required = false) String wholePage,
            @RequestParam(required = false) String pageWas,
            @RequestParam(required = false) String action, @RequestParam(required = false) String remove,
            HttpSession session, RedirectAttributes redirect) {
        CustomerId customer = customers.get(new CustomerId(Ids.parse(id, "customer"))).id();
        SelectedUsers selection = SelectedUsers.in(session, customer);
        String problem = switch (remove != null ? "remove" : action == null ? "update" : action) {
            case "matching" -> matching(customer, form, selection);
            case "pick" -> pick(customer, selection);
            case "clear" -> {
                selection.clear();
                yield null;
            }
            case "remove" -> {
                if (!selection.isMatching()) {
                    selection.remove(Ids.parseField(remove, "remove"));
                }
                yield null;
            }
            default -> update(customer, selection, ids(pageIds), ids(userIds),
                    header("true".equals(wholePage) || "on".equals(wholePage), "all".equals(pageWas)));
        };
        SelectedUsers.save(session);
        if (problem != null) {
            redirect.addFlashAttribute("selectionProblem", problem);
        }
        return "redirect:" + form.url(customer);
    }

    private String matching(CustomerId customer, ListForm form, SelectedUsers selection) {
        UserFilter filter = form.userFilter();
        if (filter.type() == UserFilter.Type.DELETED) {
            return messages.get("userlist.deletedNotSelectable");
        }
        selection.selectMatching(filter);
        return null;
    }

    /** "All matching" becomes the matching users picked one by one, when they are few enough. */
    private String pick(CustomerId customer, SelectedUsers selection) {
        if (!selection.isMatching()) {
            return null;
        }
        UserFilter filter = selection.filter();
        List<User> all = new ArrayList<>();
        int page = 0;
        PageResult<User> chunk;
        do {
            chunk = users.list(customer, filter, UserSort.DEFAULT, new PageRequest(page++, PageRequest.MAX_SIZE));
            all.addAll(chunk.items());
            if (all.size() > SelectedUsers.MAX) {
                return messages.get("userlist.tooManyToPick", SelectedUsers.MAX);
            }
        } while (chunk.hasNext());
        selection.pickInstead(all);
        return null;
    }

    /**
     * What the header checkbox asks: the whole page (TRUE) or none of it (FALSE) when it was changed, else null,
     * and the rows decide. Without script a checked header would otherwise keep re-selecting rows unticked below it.
     */
    private static Boolean header(boolean now, boolean before) {
        return now == before ? null : now;
    }

    private String update(CustomerId customer, SelectedUsers selection, List<UUID> page, List<UUID> checked,
            Boolean wholePage) {
        if (selection.isMatching()) {
            // The rows of an "all matching" selection are not offered one by one.
            return null;
        }
        Set<UUID> wanted = wholePage == null ? new HashSet<>(checked)
                : wholePage ? new HashSet<>(page) : new HashSet<>();
        List<UserId> toAdd = new ArrayList<>();
        for (UUID user : page) {
            if (!wanted.contains(user)) {
                selection.remove(user);
            } else if (!selection.contains(user)) {
                toAdd.add(new UserId(user));
            }
        }
        // Read in one go; a user purged since the page was shown is not there to select
        Map<UserId, User> found = users.find(customer, toAdd);
        List<User> added = toAdd.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
        if (!selection.add(added.stream().filter(u -> u.deletedAt() == null).toList())) {
            return messages.get("userlist.tooManyToPick", SelectedUsers.MAX);
        }
        return null;
    }

    private static List<UUID> ids(List<String> texts) {
        if (texts == null) {
            return List.of();
        }
        return texts.stream().filter(t -> t != null && !t.isBlank()).map(t -> Ids.parseField(t, "userIds"))
                .distinct().toList();
    }
}
