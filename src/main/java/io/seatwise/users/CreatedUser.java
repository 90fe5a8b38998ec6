package io.seatwise.users;

import io.seatwise.users.UserLicenses.LicenseOutcome;
import org.springframework.modulith.NamedInterface;

/**
 * A user just created (or just given a new password), with its temporary password, shown this once; the password
 * sheet it was also put on, if one was asked for.
 */
@NamedInterface("api")
public record CreatedUser(User user, String temporaryPassword, LicenseOutcome licenses, java.util.UUID passwordSheetId) {

    /** Never the password: a record's own toString would put it in any log that prints this. */
    @Override
    public String toString() {
        return "CreatedUser[user=" + user.id() + ", temporaryPassword=(hidden)]";
    }
}
