package io.seatwise.licensing.rules;

import org.junit.jupiter.api.Test;

import static io.seatwise.licensing.rules.Build.E3;
import static io.seatwise.licensing.rules.Build.assign;
import static io.seatwise.licensing.rules.Build.proposed;
import static io.seatwise.licensing.rules.Build.remove;
import static io.seatwise.licensing.rules.Build.user;
import static org.assertj.core.api.Assertions.assertThat;

class UserExistsTests {

    private final UserExists policy = new UserExists();

    @Test
    void anExistingUserPasses() {
        assertThat(policy.check(proposed(user().build(), assign(E3)))).isEmpty();
    }

    @Test
    void anUnknownIdIsUserNotFoundAboutNoProduct() {
        assertThat(policy.check(proposed(user().missing().build(), assign(E3)))).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("UserNotFound");
            assertThat(f.skuId()).isNull();
            assertThat(f.message()).isEqualTo("the user does not exist");
            assertThat(f.servicePlans()).isEmpty();
            assertThat(f.products()).isEmpty();
        });
    }

    @Test
    void aDeletedUserIsUserDeletedEvenForARemoval() {
        assertThat(policy.check(proposed(user().deleted().holding(E3).build(), remove(E3))))
                .extracting(f -> f.code()).containsExactly("UserDeleted");
    }
}
