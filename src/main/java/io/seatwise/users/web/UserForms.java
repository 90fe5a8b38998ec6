package io.seatwise.users.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.GlobalAdminGuard;
import io.seatwise.users.UserId;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import org.springframework.stereotype.Component;

/**
 * What the add, user and deleted-users pages share: service errors in the console's words (the users
 * pages' own messages first, {@code useradd.error.<type>.<field>} then {@code useradd.error.<type>}, then the
 * console's general ones), license and restore reasons in words, the roles the signed-in person may give.
 */
@Component
class UserForms {

    /** The users pages' error messages, {@code useradd.error.<type>[.<field>]}, shared by the import pages. */
    static final String ERRORS = "useradd.error";

    private final ConsoleMessages messages;

    UserForms(ConsoleMessages messages) {
        this.messages = messages;
    }

    /** The error in words. */
    String text(DomainException e) {
        return messages.text(ERRORS, e);
    }

    /** The error next to its field when the form has that field, else on the form. */
    FormErrors errors(DomainException e, Set<String> fields) {
        String field = e.field() == null ? null : "userPrincipalName".equals(e.field()) ? "localPart" : e.field();
        return FormErrors.of(field, fields, text(e));
    }

    /** A license or restore failure code (CountViolation, UserNameConflict…) in words; the service's words else. */
    String reason(String code, String fallback) {
        return messages.getOrDefault("userdeleted.reason." + code, fallback);
    }

    /** The roles the signed-in person may give: a User management admin never makes a Global admin. */
    static List<DirectoryRole> grantableRoles() {
        return Arrays.stream(DirectoryRole.values()).filter(GlobalAdminGuard::mayManage).toList();
    }

    /** Whether the signed-in person may act on a user of this role. */
    static boolean mayManage(DirectoryRole role) {
        return GlobalAdminGuard.mayManage(role);
    }

    static DirectoryRole role(String text) {
        if (text == null || text.isBlank()) {
            return DirectoryRole.NONE;
        }
        return Arrays.stream(DirectoryRole.values())
                .filter(r -> r.name().equals(text.strip().toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> DomainException.invalid("validation", "directoryRole", "unknown role " + text));
    }

    static CustomerId customerId(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }

    static UserId userId(String id) {
        return new UserId(Ids.parse(id, "user"));
    }

    static UUID sheetId(String id) {
        return Ids.parse(id, "password sheet");
    }
}
