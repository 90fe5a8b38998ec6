package io.seatwise.licensing.rules;

import java.util.Optional;

import io.seatwise.users.DirectoryRole;
import org.junit.jupiter.api.Test;

import static io.seatwise.licensing.rules.Build.E3;
import static io.seatwise.licensing.rules.Build.assign;
import static io.seatwise.licensing.rules.Build.proposed;
import static io.seatwise.licensing.rules.Build.user;
import static org.assertj.core.api.Assertions.assertThat;

class GlobalAdminsNotForUserAdminsTests {

    private final GlobalAdminsNotForUserAdmins policy = new GlobalAdminsNotForUserAdmins();

    private static Actor a(DirectoryRole role) {
        return new Actor(role);
    }

    @Test
    void aUserManagementAdminCannotChangeAGlobalAdminsLicenses() {
        assertThat(policy.check(proposed(user().globalAdmin().build(), assign(E3), a(DirectoryRole.USER_ADMIN))))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("Forbidden");
                    assertThat(f.skuId()).isNull();
                    assertThat(f.message()).contains("User management admin").contains("Global admin");
                });
    }

    @Test
    void aUserManagementAdminChangesEveryoneElse() {
        assertThat(policy.check(proposed(user().build(), assign(E3), a(DirectoryRole.USER_ADMIN)))).isEmpty();
    }

    @Test
    void globalAdminsOtherAdminsAndAgentsMayChangeAGlobalAdmin() {
        for (Actor actor : new Actor[] {a(DirectoryRole.GLOBAL_ADMIN), a(DirectoryRole.HELPDESK_ADMIN),
                a(DirectoryRole.BILLING_ADMIN), a(DirectoryRole.NONE), Actor.AGENT_OR_SYSTEM}) {
            assertThat(policy.check(proposed(user().globalAdmin().build(), assign(E3), actor))).as("%s", actor)
                    .isEmpty();
        }
    }

    @Test
    void theActorIsReadFromTheRoleTheSecurityContextNames() {
        assertThat(Actor.of(Optional.of("USER_ADMIN")).directoryRole()).isEqualTo(DirectoryRole.USER_ADMIN);
        assertThat(Actor.of(Optional.of("GLOBAL_ADMIN")).directoryRole()).isEqualTo(DirectoryRole.GLOBAL_ADMIN);
        assertThat(Actor.of(Optional.empty())).isEqualTo(Actor.AGENT_OR_SYSTEM);
        // A name that is no role confines no one, as the security context's check did
        assertThat(Actor.of(Optional.of("user_admin"))).isEqualTo(Actor.AGENT_OR_SYSTEM);
        assertThat(policy.check(proposed(user().globalAdmin().build(), assign(E3),
                Actor.of(Optional.of("USER_ADMIN"))))).hasSize(1);
    }
}
