package io.seatwise.licensing;

import java.util.List;

import io.seatwise.users.DirectoryRole;
import io.seatwise.users.GlobalAdminGuard;

/**
 * A customer's User management admin manages its users' licenses, "but never on a Global admin" (product.md, the
 * users module's {@link GlobalAdminGuard}): a change it makes fails for every Global admin of the selection, the
 * others go on.
 */
final class GlobalAdminsNotForUserAdmins implements LicensePolicy {

    @Override
    public List<Violation> check(ProposedChange change) {
        if (change.user().globalAdmin() && !GlobalAdminGuard.mayManage(DirectoryRole.GLOBAL_ADMIN)) {
            return List.of(new Violation(ErrorCode.Forbidden, null,
                    "a User management admin cannot change the licenses of a Global admin"));
        }
        return List.of();
    }
}
