package io.seatwise.licensing.rules;

import java.util.List;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.GlobalAdminGuard;

/**
 * A customer's User management admin manages its users' licenses, "but never on a Global admin" (product.md, the
 * users module's {@link GlobalAdminGuard}): a change it makes fails for every Global admin of the selection, the
 * others go on. The actor asking comes with the change.
 */
final class GlobalAdminsNotForUserAdmins implements LicensePolicy {

    @Override
    public List<LicenseFailure> check(ProposedChange change) {
        if (change.user().globalAdmin()
                && !GlobalAdminGuard.mayManage(change.actor().directoryRole(), DirectoryRole.GLOBAL_ADMIN)) {
            return List.of(ErrorCode.Forbidden.failure(null,
                    "a User management admin cannot change the licenses of a Global admin"));
        }
        return List.of();
    }
}
