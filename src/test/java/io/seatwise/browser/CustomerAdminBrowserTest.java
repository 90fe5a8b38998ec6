package io.seatwise.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.users.DirectoryRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer administrators in a real browser: a Global admin with a temporary password must choose a password
 * before anything else, then sees its own tenant only; another tenant's pages are "not found".
 */
class CustomerAdminBrowserTest extends BrowserTestSupport {

    @Autowired
    TestCustomerUsers customerUsers;

    @Test
    void aNewCustomerAdminSetsAPasswordThenSeesOnlyItsTenant() {
        Tenant own = customerUsers.tenant(3);
        Tenant other = customerUsers.tenant(3);
        Member admin = customerUsers.withTemporaryPassword(own, DirectoryRole.GLOBAL_ADMIN);
        Member neighbour = customerUsers.create(other, DirectoryRole.NONE);
        String chosen = "a-password-of-my-own-" + System.nanoTime();

        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();

            // Signed in with the temporary password, every page leads to "choose your own password"
            signIn(page, admin.userName(), admin.temporaryPassword());
            assertThat(page.getByText("You signed in with a temporary password. Choose your own password to "
                    + "continue.")).isVisible();
            screenshot(page, "01-temporary-password");
            page.navigate(base() + "/customers/" + own.id() + "/users");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Change password")))
                    .isVisible();

            page.getByLabel("Current password").fill(admin.temporaryPassword());
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(chosen);
            page.getByLabel("Confirm new password").fill(chosen);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
            assertThat(page.getByTestId("password-changed"))
                    .hasText("Password changed. Your other sessions have been signed out.");
            screenshot(page, "02-password-changed");

            // The session that changed the password goes on; a new one signs in with the chosen password: its
            // customer, its users; no agents, no activity log
            page.context().clearCookies();
            signIn(page, admin.userName(), chosen);
            page.navigate(base() + "/customers");
            assertThat(page.locator("main")).containsText("Tenant " + own.domain());
            assertThat(page.locator("main")).not().containsText("Tenant " + other.domain());
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agents"))).hasCount(0);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Activity log")))
                    .hasCount(0);
            screenshot(page, "03-own-customer-only");
            page.navigate(base() + "/customers/" + own.id() + "/users");
            assertThat(page.locator("#user-results")).containsText(admin.userName());
            screenshot(page, "04-own-users");

            // Another tenant's pages do not exist for it
            Response response = page.navigate(base() + "/customers/" + other.id() + "/users");
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("body")).not().containsText(neighbour.userName());
            assertThat(page.locator("body")).not().containsText(other.domain());
            screenshot(page, "05-other-tenant-not-found");
        }
    }

    /**
     * A customer's own User management admin gives licenses to two of its users through Manage licenses, preview
     * and Save, and sees the "Licenses updated" page; it is not offered Buy more (purchases are the partner's).
     */
    @Test
    void aCustomerAdminManagesLicensesOfItsOwnUsers(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Tenant own = customerUsers.tenant(3);
        Member admin = customerUsers.create(own, DirectoryRole.USER_ADMIN);
        Member first = customerUsers.create(own, DirectoryRole.NONE);
        Member second = customerUsers.create(own, DirectoryRole.NONE);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);

        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, admin.userName(), TestCustomerUsers.PASSWORD);
            page.navigate(base() + "/customers/" + own.id() + "/users");
            int ticked = 0;
            for (Member m : java.util.List.of(first, second)) {
                page.getByLabel("Select " + m.userName().substring(0, m.userName().indexOf('@')),
                        new Page.GetByLabelOptions().setExact(true)).click();
                // Each tick is saved (htmx) before the next: a click during the swap would be lost.
                assertThat(page.getByTestId("selected-count")).hasText(++ticked + " selected");
            }
            page.getByTestId("manage-licenses").click();
            page.waitForURL(java.util.regex.Pattern.compile(".*/users/licenses$"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buy more"))).hasCount(0);
            page.getByLabel("Microsoft 365 E3", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            assertThat(page.getByTestId("preview-counts")).hasText("2 selected users: 2 will succeed, 0 will fail.");
            screenshot(page, "11-admin-preview");
            page.getByTestId("save").click();
            page.waitForURL(java.util.regex.Pattern.compile(".*/licensechanges/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("updated-title")).hasText("Licenses updated");
            screenshot(page, "12-admin-licenses-updated");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM license_assignment WHERE customer_id = ? AND state = 'ACTIVE'")
                .param(own.id().value()).query(Long.class).single()).isEqualTo(2);
    }
}
