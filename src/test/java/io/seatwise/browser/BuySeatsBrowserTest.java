package io.seatwise.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.customers.Customer;
import io.seatwise.support.ConsoleFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buy more in a real browser: Debian's Chromium driven by Playwright signs in, finds the customer with the search
 * box, buys seats through the confirmation step, and the new total shows on the page and is in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BuySeatsBrowserTest {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Paths.get(System.getProperty("seatwise.test.output", "target"),
            "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    TestAgents agents;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void launchChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            // On CI a missing browser is a broken machine, not a reason to pass quietly.
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("/usr/bin/chromium is not installed; the browser tests need it "
                        + "(apt-get install -y chromium)");
            }
            Assumptions.abort("SKIPPED: /usr/bin/chromium not installed");
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void buysMoreSeatsThroughTheConsole() {
        // Given a customer with 10 seats of Microsoft 365 E3 and a Sales agent
        Customer customer = fixtures.customerWithE3("Browser Buyer", 10);
        var agent = agents.create(Role.SALES).agent();
        String base = "http://localhost:" + port;

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 900).setLocale("en-US"))) {
            Page page = context.newPage();

            // When the agent signs in
            page.navigate(base + "/login");
            assertThat(page).hasTitle("Sign in · Seatwise");
            screenshot(page, "01-login");
            page.getByLabel("Email").fill(agent.email());
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(TestAgents.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(base + "/customers");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Customers").setExact(true)))
                    .isVisible();
            screenshot(page, "02-customers");

            // ... finds the customer by typing in the search box (htmx swaps the list in place)
            page.getByLabel("Search customers").fill(customer.name());
            Locator link = page.locator("#customer-results")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(customer.name()));
            assertThat(link).isVisible();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 1 · 1 in all");
            screenshot(page, "03-customers-search");
            link.click();
            page.waitForURL(base + "/customers/" + customer.id());
            assertThat(page.getByTestId("customer-name")).hasText(customer.name());
            screenshot(page, "04-customer");

            // ... asks for 5 more seats and confirms
            Locator row = page.locator("#subscriptions tbody tr", new Page.LocatorOptions().setHasText("SPE_E3"));
            row.getByLabel("Seats to add to Microsoft 365 E3").fill("5");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Buy more")).click();
            page.waitForURL(Pattern.compile(".*/buy-more\\?quantity=5$"));
            assertThat(page.getByTestId("buy-more-question"))
                    .hasText("Buy 5 more seats of Microsoft 365 E3? The total will become 15.");
            screenshot(page, "05-buy-more-confirm");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm purchase")).click();

            // Then the customer's page shows the new total, and so does the database
            page.waitForURL(base + "/customers/" + customer.id());
            assertThat(page.getByTestId("success"))
                    .hasText("Bought 5 more seats of Microsoft 365 E3. The total is now 15.");
            assertThat(row.getByTestId("total")).hasText("15");
            screenshot(page, "06-customer-after-purchase");
        }
        assertThat(jdbc.sql("SELECT quantity FROM subscription WHERE customer_id = ? AND sku_id = ?")
                .param(customer.id().value()).param(ConsoleFixtures.E3.value()).query(Integer.class).single())
                .isEqualTo(15);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
