package io.seatwise.users;

import java.util.Optional;

import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import org.springframework.modulith.NamedInterface;

/**
 * product.md: a User management admin manages users, licenses and passwords inside its customer, "but never on a
 * Global admin". It may not edit, reset, delete or restore a Global admin, nor make anyone one. Agents and Global
 * admins are not limited by this rule.
 */
@NamedInterface("api")
public final class GlobalAdminGuard {

    private GlobalAdminGuard() {
    }

    /** Why the current actor may not manage this user, or empty when it may. */
    static Optional<String> refusal(User target) {
        if (!mayManage(target.directoryRole())) {
            return Optional.of("a User management admin cannot change a Global admin");
        }
        return Optional.empty();
    }

    /** Refuses (403) when the current actor may not manage this user. */
    static void checkManage(User target) {
        refusal(target).ifPresent(reason -> {
            throw forbidden(null, reason);
        });
    }

    /** Refuses (403) giving this role (null: unchanged) when the current actor may not. */
    static void checkGrant(DirectoryRole role) {
        if (role != null && !mayManage(role)) {
            throw forbidden("directoryRole", "a User management admin cannot make anyone a Global admin");
        }
    }

    /** Whether the current actor may manage, or give, this role: all but a User management admin a Global admin. */
    public static boolean mayManage(DirectoryRole role) {
        return mayManage(actorIsUserAdmin() ? DirectoryRole.USER_ADMIN : null, role);
    }

    /**
     * The rule itself, on data: whether an actor of directory role {@code actor} (null: an agent or the system, which
     * no directory role confines) may manage, or give, role {@code target}: all but a User management admin a
     * Global admin.
     */
    public static boolean mayManage(DirectoryRole actor, DirectoryRole target) {
        return target != DirectoryRole.GLOBAL_ADMIN || actor != DirectoryRole.USER_ADMIN;
    }

    private static boolean actorIsUserAdmin() {
        return CurrentActor.directoryRole().filter(DirectoryRole.USER_ADMIN.name()::equals).isPresent();
    }

    private static DomainException forbidden(String field, String message) {
        return new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", field, message, null);
    }
}
