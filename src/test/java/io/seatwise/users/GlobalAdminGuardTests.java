package io.seatwise.users;

import java.time.Instant;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** product.md's "but never on a Global admin", on data and as the current actor; plain JUnit, no Spring context. */
class GlobalAdminGuardTests {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signInAs(DirectoryRole role) {
        var auth = new TestingAuthenticationToken("someone@customer.example", null,
                CurrentActor.DIRECTORY_ROLE_PREFIX + role.name(), CurrentActor.TENANT_PREFIX + UUID.randomUUID());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
    }

    private static User userWith(DirectoryRole role) {
        return new User(new UserId(UUID.randomUUID()), new CustomerId(UUID.randomUUID()), "a@b.example", "A", "B",
                "A B", "SE", role, false, Instant.now(), null);
    }

    @Test
    void onlyAUserManagementAdminIsKeptFromGlobalAdmins() {
        for (DirectoryRole actor : DirectoryRole.values()) {
            for (DirectoryRole target : DirectoryRole.values()) {
                boolean refused = actor == DirectoryRole.USER_ADMIN && target == DirectoryRole.GLOBAL_ADMIN;
                assertThat(GlobalAdminGuard.mayManage(actor, target)).as("%s on %s", actor, target)
                        .isEqualTo(!refused);
            }
        }
    }

    @Test
    void agentsAndTheSystemHaveNoRoleAndManageEveryone() {
        for (DirectoryRole target : DirectoryRole.values()) {
            assertThat(GlobalAdminGuard.mayManage(null, target)).isTrue();
        }
        // No one signed in: the system's own work
        assertThat(GlobalAdminGuard.mayManage(DirectoryRole.GLOBAL_ADMIN)).isTrue();
        assertThat(GlobalAdminGuard.refusal(userWith(DirectoryRole.GLOBAL_ADMIN))).isEmpty();
    }

    @Test
    void aSignedInUserManagementAdminIsRefusedAGlobalAdminAndTheRoleWith403() {
        signInAs(DirectoryRole.USER_ADMIN);

        assertThat(GlobalAdminGuard.mayManage(DirectoryRole.GLOBAL_ADMIN)).isFalse();
        assertThat(GlobalAdminGuard.mayManage(DirectoryRole.USER_ADMIN)).isTrue();
        assertThat(GlobalAdminGuard.refusal(userWith(DirectoryRole.GLOBAL_ADMIN)))
                .hasValue("a User management admin cannot change a Global admin");
        assertThat(GlobalAdminGuard.refusal(userWith(DirectoryRole.NONE))).isEmpty();
        assertThatThrownBy(() -> GlobalAdminGuard.checkManage(userWith(DirectoryRole.GLOBAL_ADMIN)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThatThrownBy(() -> GlobalAdminGuard.checkGrant(DirectoryRole.GLOBAL_ADMIN))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(e.field()).isEqualTo("directoryRole");
                });
        // Not changing the role (null) or giving another is allowed
        assertThatCode(() -> GlobalAdminGuard.checkGrant(null)).doesNotThrowAnyException();
        assertThatCode(() -> GlobalAdminGuard.checkGrant(DirectoryRole.HELPDESK_ADMIN)).doesNotThrowAnyException();
    }

    @Test
    void aSignedInGlobalAdminManagesAndMakesGlobalAdmins() {
        signInAs(DirectoryRole.GLOBAL_ADMIN);

        assertThat(GlobalAdminGuard.mayManage(DirectoryRole.GLOBAL_ADMIN)).isTrue();
        assertThatCode(() -> GlobalAdminGuard.checkManage(userWith(DirectoryRole.GLOBAL_ADMIN)))
                .doesNotThrowAnyException();
        assertThatCode(() -> GlobalAdminGuard.checkGrant(DirectoryRole.GLOBAL_ADMIN)).doesNotThrowAnyException();
    }
}
