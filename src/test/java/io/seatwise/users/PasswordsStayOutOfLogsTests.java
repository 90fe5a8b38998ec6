package io.seatwise.users;

import java.time.Instant;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values that carry a temporary password print without it (a record's own toString would show it to any log). */
class PasswordsStayOutOfLogsTests {

    static final String PASSWORD = "Abcde-fghij-kmnpq-rstuv";

    @Test
    void createdUsersHideTheirPasswords() {
        User user = new User(new UserId(UUID.randomUUID()), new CustomerId(UUID.randomUUID()), "ann@x.example",
                "Ann", "Lee", "Ann Lee", "SE", DirectoryRole.NONE, false, Instant.now(), null);
        assertThat(new CreatedUser(user, PASSWORD, null, null).toString()).doesNotContain(PASSWORD)
                .contains("hidden");
        assertThat(new PreparedUsers(user.customerId(), java.util.List.of(new CreatedUser(user, PASSWORD, null,
                null)), java.util.List.of()).toString()).doesNotContain(PASSWORD);
    }
}
