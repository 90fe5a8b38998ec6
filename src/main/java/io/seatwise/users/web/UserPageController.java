package io.seatwise.users.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.users.CreatedUser;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import io.seatwise.users.UserUpdate;
import io.seatwise.users.UsersService;
import io.seatwise.web.Confirmation;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One user's page: details and licenses, the edit form, Reset password (the new temporary password shown once) and
 * Delete user account, each of the last two after a confirmation step.
 */
@Controller
class UserPageController {

    /** The edit form; a check box sends {@code signInBlocked} only when checked. */
    record EditForm(String firstName, String lastName, String displayName, String usageLocation,
            String directoryRole, Boolean signInBlocked) {

        static EditForm of(User u) {
            return new EditForm(u.firstName(), u.lastName(), u.displayName(), u.usageLocation(),
                    u.directoryRole().name(), u.signInBlocked());
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

        UserUpdate update() {
            return new UserUpdate(Optional.ofNullable(firstName).or(() -> Optional.of("")),
                    Optional.ofNullable(lastName).or(() -> Optional.of("")),
                    displayName == null ? "" : displayName,
                    usageLocation == null || usageLocation.isBlank() ? null : usageLocation,
                    UserForms.role(directoryRole), Boolean.TRUE.equals(signInBlocked));
        }
    }

    static final Set<String> FIELDS = Set.of("firstName", "lastName", "displayName", "usageLocation",
            "directoryRole");

    private final CustomersService customers;
    private final UsersService users;
    private final UserForms forms;
    private final ConsoleMessages messages;

    UserPageController(CustomersService customers, UsersService users, UserForms forms, ConsoleMessages messages) {
        this.customers = customers;
        this.users = users;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/customers/{id}/users/{userId}")
    String page(@PathVariable String id, @PathVariable String userId, Model model) {
        Customer customer = customers.get(UserForms.customerId(id));
        User user = users.get(customer.id(), UserForms.userId(userId));
        fill(model, customer, user, EditForm.of(user), FormErrors.none());
        return "users/user";
    }

    @PostMapping("/customers/{id}/users/{userId}")
    String edit(@PathVariable String id, @PathVariable String userId, EditForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Customer customer = customers.get(UserForms.customerId(id));
        User user = users.get(customer.id(), UserForms.userId(userId));
        try {
            User after = users.update(customer.id(), user.id(), form.update());
            redirect.addFlashAttribute("success", messages.get("userpage.saved", after.userPrincipalName()));
            return "redirect:" + url(customer, user.id());
        } catch (DomainException e) {
            failed(e, response);
            fill(model, customer, user, form, forms.errors(e, FIELDS));
            return "users/user";
        }
    }

    /** Asks before giving the user a new temporary password. */
    @GetMapping("/customers/{id}/users/{userId}/reset-password")
    String confirmReset(@PathVariable String id, @PathVariable String userId, Model model) {
        Customer customer = customers.get(UserForms.customerId(id));
        User user = users.get(customer.id(), UserForms.userId(userId));
        model.addAttribute("nav", "customers");
        model.addAttribute("confirmation", new Confirmation(messages.get("userpage.reset"),
                messages.get("userpage.resetQuestion", user.displayName(), user.userPrincipalName()),
                url(customer, user.id()) + "/reset-password", Map.of(), messages.get("userpage.reset"),
                url(customer, user.id()), false));
        return "confirm";
    }

    /** The new password, carried once (a flash attribute) from the reset to the page that shows it. */
    record ResetShown(java.util.UUID userId, String userPrincipalName, String temporaryPassword)
            implements java.io.Serializable {

        /** Never the password: a record's own toString would put it in any log that prints this. */
        @Override
        public String toString() {
            return "ResetShown[userId=" + userId + ", temporaryPassword=(hidden)]";
        }
    }

    /**
     * Resets, then sends the browser to the page that shows the new password (post, redirect, get): reloading that
     * page does not reset again, and it shows the password this once only.
     */
    @PostMapping("/customers/{id}/users/{userId}/reset-password")
    String reset(@PathVariable String id, @PathVariable String userId, Model model, HttpServletResponse response,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Customer customer = customers.get(UserForms.customerId(id));
        User user = users.get(customer.id(), UserForms.userId(userId));
        try {
            CreatedUser reset = users.resetPassword(customer.id(), user.id());
            redirect.addFlashAttribute("reset", new ResetShown(user.id().value(), user.userPrincipalName(),
                    reset.temporaryPassword()));
            return "redirect:" + url(customer, user.id()) + "/password-reset";
        } catch (DomainException e) {
            failed(e, response);
            fill(model, customer, user, EditForm.of(user), FormErrors.of(null, forms.text(e)));
            return "users/user";
        }
    }

    /** The new password, once: without it (a reload, a bookmark) the user's page. */
    @GetMapping("/customers/{id}/users/{userId}/password-reset")
    String resetDone(@PathVariable String id, @PathVariable String userId, Model model,
            HttpServletResponse response) {
        Customer customer = customers.get(UserForms.customerId(id));
        User user = users.get(customer.id(), UserForms.userId(userId));
        if (!(model.getAttribute("reset") instanceof ResetShown shown) || !shown.userId().equals(user.id().value())) {
            return "redirect:" + url(customer, user.id());
        }
        // The temporary password is in this response only: keep it out of every cache.
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        return "users/password-reset";
    }

    /** Asks before deleting, naming the user. */
    @GetMapping("/customers/{id}/users/{userId}/delete")
    String confirmDelete(@PathVariable String id, @PathVariable String userId, Model model) {
        Customer customer = customers.get(UserForms.customerId(id));
        User user = users.get(customer.id(), UserForms.userId(userId));
        model.addAttribute("nav", "customers");
        model.addAttribute("confirmation", new Confirmation(messages.get("userpage.delete"),
                messages.get("userpage.deleteQuestion", user.displayName(), user.userPrincipalName(),
                        users.retention().toDays()),
                url(customer, user.id()) + "/delete", Map.of(), messages.get("userpage.delete"),
                url(customer, user.id()), true));
        return "confirm";
    }

    @PostMapping("/customers/{id}/users/{userId}/delete")
    String delete(@PathVariable String id, @PathVariable String userId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Customer customer = customers.get(UserForms.customerId(id));
        User user = users.get(customer.id(), UserForms.userId(userId));
        try {
            users.delete(customer.id(), user.id());
            redirect.addFlashAttribute("success", messages.get("userpage.deleted", user.userPrincipalName()));
            return "redirect:/customers/" + customer.id() + "/users";
        } catch (DomainException e) {
            failed(e, response);
            fill(model, customer, user, EditForm.of(user), FormErrors.of(null, forms.text(e)));
            return "users/user";
        }
    }

    private static void failed(DomainException e, HttpServletResponse response) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> throw e;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        response.setStatus(status.value());
    }

    private static String url(Customer customer, UserId user) {
        return "/customers/" + customer.id() + "/users/" + user;
    }

    private void fill(Model model, Customer customer, User user, EditForm form, FormErrors errors) {
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("user", user);
        model.addAttribute("licenses", users.licenses(customer.id(), user.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", UserForms.grantableRoles());
        model.addAttribute("manageable", user.deletedAt() == null && UserForms.mayManage(user.directoryRole()));
    }
}
