package io.seatwise.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Guessing in a real browser: five wrong passwords, then even the right one is refused with a message to wait; an
 * Admin agent sees the agent locked on the Agents page and unlocks it, and the agent signs in. The first lock lasts
 * two minutes here (not the test profile's seconds), so that it is still on while the Admin looks.
 */
@TestPropertySource(properties = "seatwise.lockout.wait-increment=2m")
class LockoutBrowserTest extends BrowserTestSupport {

    @Autowired
    TestAgents agents;

    @Test
    void aLockedAgentWaitsUntilAnAdminUnlocksIt() {
        TestAgents.Signed admin = agents.create(Role.ADMIN);
        TestAgents.Signed guessed = agents.create(Role.SALES);

        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            for (int i = 0; i < 5; i++) {
                signIn(page, guessed.email(), "wrong-guess-" + i);
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("not correct");
            }
            signIn(page, guessed.email(), TestAgents.PASSWORD);
            assertThat(page.getByTestId("locked")).hasText("Too many failed sign-ins. Try again in 2 min.");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in")))
                    .isVisible();
            screenshot(page, "01-locked");
        }

        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, admin);
            page.navigate(base() + "/agents");
            var row = page.locator("tr", new Page.LocatorOptions().setHasText(guessed.email()));
            assertThat(row.getByTestId("locked")).hasText("Locked");
            screenshot(page, "02-agents-locked");
            row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Unlock " + guessed.email())).click();
            page.waitForLoadState();
            assertThat(page.getByRole(AriaRole.STATUS).first())
                    .containsText(guessed.email() + " is unlocked and can sign in again.");
            assertThat(row.getByTestId("locked")).hasCount(0);
            screenshot(page, "03-agents-unlocked");
        }

        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, guessed);
            assertThat(page).hasURL(base() + "/customers");
        }
    }
}
