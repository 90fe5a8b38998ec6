package io.seatwise.licensing;

import java.util.List;

import io.seatwise.shared.CurrentActor;

/**
 * A customer's User management admin manages its users' licenses, "but never on a Global admin" (product.md): a
 * change it makes fails for every Global admin of the selection, the others go on.
 */
final class GlobalAdminsNotForUserAdmins implements LicensePolicy {

    @Override
    public List<Violation> check(ProposedChange change) {
        if (change.user().globalAdmin()
                && CurrentActor.directoryRole().filter("USER_ADMIN"::equals).isPresent()) {
            return List.of(new Violation(ErrorCode.Forbidden, null,
                    "a User management admin cannot change the licenses of a Global admin"));
        }
        return List.of();
    }
}
