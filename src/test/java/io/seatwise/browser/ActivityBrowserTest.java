package io.seatwise.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.customers.Customer;
import io.seatwise.support.ConsoleFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity log in a real browser: an Admin filters by customer name, action and day, sees the line, exports
 * the filtered lines as CSV, and a day range the wrong way round is explained next to the field.
 */
class ActivityBrowserTest extends BrowserTestSupport {

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    TestAgents agents;

    @Test
    void filtersTheLogAndExportsWhatItShows() throws Exception {
        Customer customer = fixtures.customerWithE3("Audited", 7);
        TestAgents.Signed admin = agents.create(Role.ADMIN);
        String today = LocalDate.now().toString();

        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, admin);
            page.navigate(base() + "/activity");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Activity log")))
                    .isVisible();
            screenshot(page, "01-activity");

            page.getByLabel("Customer", EXACT).fill(customer.name());
            page.getByLabel("Action", EXACT).selectOption("subscription.added");
            page.getByLabel("From", EXACT).fill(today);
            page.getByLabel("To", EXACT).fill(today);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            page.waitForLoadState();
            Locator rows = page.locator("#activity-results tbody tr");
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).containsText("Subscription added");
            assertThat(rows.first()).containsText(customer.name());
            assertThat(rows.first()).containsText("Subscribed to Microsoft 365 E3 with 7 seats");
            screenshot(page, "02-activity-filtered");

            Download download = page.waitForDownload(() -> page.getByTestId("activity-export").click());
            String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(download.suggestedFilename()).startsWith("activity-").endsWith(".csv");
            assertThat(csv).startsWith("\uFEFFWhen (UTC),Who,Customer id,Customer,Action,Details");
            assertThat(csv.lines().skip(1).toList()).singleElement().satisfies(line -> assertThat(line)
                    .contains(customer.id().toString(), customer.name(), "Subscription added",
                            "Subscribed to Microsoft 365 E3 with 7 seats"));

            // Who: the actor of that line finds it, somebody else nothing
            String who = csv.lines().skip(1).findFirst().orElseThrow().split(",")[1];
            page.getByLabel("Who", EXACT).fill(who);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            page.waitForLoadState();
            assertThat(rows).hasCount(1);
            page.getByLabel("Who", EXACT).fill("nobody-" + today + "@example.test");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            page.waitForLoadState();
            assertThat(rows).hasCount(0);
            page.getByLabel("Who", EXACT).fill("");

            page.getByLabel("From", EXACT).fill(today);
            page.getByLabel("To", EXACT).fill(LocalDate.now().minusDays(3).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
            page.waitForLoadState();
            assertThat(page.locator("#to-error")).hasText("The end date comes before the start date.");
            assertThat(page.getByLabel("To", EXACT)).hasAttribute("aria-describedby", "to-error");
            screenshot(page, "03-activity-bad-range");
        }
    }
}
