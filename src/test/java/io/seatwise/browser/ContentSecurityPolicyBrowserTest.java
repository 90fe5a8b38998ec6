package io.seatwise.browser;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's main flows in Chromium under the real Content-Security-Policy: sign-in, customers (htmx search),
 * a customer's users (htmx paging, filter and selection), Manage licenses, Add user, Import users, the language
 * menu (Bootstrap's dropdown) and the activity log. The browser reports no CSP violation and no script error on
 * the way, and htmx swaps content in place throughout, with eval switched off.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTestSupport {

    /** Reports every violation Chromium sees to the console, where the test collects it across page loads. */
    private static final String REPORT_VIOLATIONS = """
            document.addEventListener('securitypolicyviolation', function (e) {
              console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI
                + ' at ' + e.sourceFile + ':' + e.lineNumber);
            });""";

    @Autowired
    LicensingFixture licensing;
    @Autowired
    TestAgents agents;

    @BeforeEach
    void patientAssertions() {
        // The machine may be busy: an htmx swap can take longer than Playwright's default 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Locator box(Page page, String displayName) {
        return page.getByLabel("Select " + displayName, new Page.GetByLabelOptions().setExact(true));
    }

    /** Marks the current document; the mark survives an htmx swap and is gone after a full page load. */
    private static void mark(Page page) {
        page.evaluate("() => { window.__swMark = 'same document'; }");
    }

    private static void assertSameDocument(Page page) {
        assertThat(page.evaluate("() => window.__swMark")).as("htmx swapped in place").isEqualTo("same document");
    }

    @Test
    void theMainFlowsRunWithoutAnyContentSecurityPolicyViolation() {
        Tenant t = licensing.tenant("SE", E3, 5);
        t.users(30, "SE");
        String customerName = "Tenant " + t.domain();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (BrowserContext context = context("en-US")) {
            context.addInitScript(REPORT_VIOLATIONS);
            Page page = context.newPage();
            page.onConsoleMessage(m -> {
                // A failed load is caught by onResponse below with its address; Chromium's own console line for it
                // names none, and it also reports the console's missing /favicon.ico, which is no page's doing.
                boolean failedLoad = m.text().startsWith("Failed to load resource");
                if ((m.type().equals("error") || m.type().equals("warning")) && !failedLoad
                        || m.text().contains("Content Security Policy")) {
                    problems.add(m.type() + ": " + m.text() + " (" + page.url() + ")");
                }
            });
            page.onPageError(e -> problems.add("page error: " + e + " (" + page.url() + ")"));
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    problems.add("answer " + r.status() + ": " + r.url());
                }
            });

            // Sign in
            signIn(page, agents.create(Role.ADMIN));
            page.waitForURL(base() + "/customers");
            // htmx runs as configured by the page: no eval, no indicator <style> of its own
            assertThat(page.evaluate("() => [htmx.config.allowEval, htmx.config.includeIndicatorStyles]"))
                    .isEqualTo(List.of(false, false));
            assertThat(page.locator("style")).hasCount(0);

            // Customers: the search swaps the list in place
            mark(page);
            page.getByLabel("Search customers").fill(customerName);
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 1 · 1 in all");
            assertSameDocument(page);
            screenshot(page, "01-customers-search");
            page.locator("#customer-results").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName(customerName)).click();
            page.waitForURL(base() + "/customers/" + t.id());

            // Bootstrap's dropdown (Popper positions it through the CSSOM, which the policy allows)
            page.locator("#language-menu").click();
            assertThat(page.locator(".dropdown-menu.show")).isVisible();
            page.keyboard().press("Escape");

            // The users list: paging, a filter, the search box and the selection, all by htmx
            page.navigate(base() + "/customers/" + t.id() + "/users?size=25");
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 2 · 30 in all");
            mark(page);
            box(page, "First1 Last1").click();
            assertThat(page.getByTestId("selected-count")).hasText("1 selected");
            page.getByRole(AriaRole.LINK, named("Next")).click();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 2 of 2 · 30 in all");
            box(page, "First5 Last5").click();
            assertThat(page.getByTestId("selected-count")).hasText("2 selected");
            page.getByLabel("Filter users by").selectOption("licensed");
            assertThat(page.locator("#user-results")).containsText("No users match.");
            page.getByLabel("Filter users by").selectOption("all");
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 2 · 30 in all");
            page.getByLabel("Search users").fill("First2");
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 1 · 11 in all");
            // Leaving the search box (its change event) sends nothing: the list is not reloaded under a click
            page.getByLabel("Search users").blur();
            box(page, "First20 Last20").click();
            assertThat(page.getByTestId("selected-count")).hasText("3 selected");
            assertSameDocument(page);
            screenshot(page, "02-users-selection");

            // Manage licenses for the three: tri-state boxes, preview, save
            page.getByTestId("manage-licenses").click();
            page.waitForURL(Pattern.compile(".*/users/licenses$"));
            page.getByLabel("Microsoft 365 E3", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, named("Preview")).click();
            assertThat(page.getByTestId("preview-counts")).hasText("3 selected users: 3 will succeed, 0 will fail.");
            page.getByTestId("save").click();
            page.waitForURL(Pattern.compile(".*/licensechanges/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("results").locator("tbody tr")).hasCount(3);
            screenshot(page, "03-licenses-updated");

            // Add user
            page.navigate(base() + "/customers/" + t.id() + "/users/new");
            page.getByLabel("First name").fill("Ann");
            page.getByLabel("Last name").fill("Lee");
            page.getByLabel("User name").fill("ann");
            page.getByRole(AriaRole.BUTTON, named("Add")).click();
            page.waitForURL(Pattern.compile(".*/users/sheets/.*"));
            assertThat(page.getByTestId("temporary-password")).hasCount(1);
            screenshot(page, "04-user-added");

            // Import users: check a file, then create its users
            page.navigate(base() + "/customers/" + t.id() + "/users/import");
            String file = "First name,Last name,Display name,User name,Usage location,Licenses\n"
                    + "Bo,Ek,,bo@" + t.domain() + ",SE,SPE_E3\n";
            page.getByLabel("CSV file").setInputFiles(new FilePayload("users.csv", "text/csv",
                    file.getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, named("Upload and check")).click();
            assertThat(page.getByTestId("report-summary")).hasText("Rows: 1. Valid: 1. Refused: 0.");
            page.getByRole(AriaRole.BUTTON, named("Create 1 valid user")).click();
            page.waitForURL(Pattern.compile(".*/users/sheets/.*"), new Page.WaitForURLOptions().setTimeout(60_000));
            assertThat(page.getByTestId("temporary-password")).hasCount(1);
            screenshot(page, "05-imported");

            // The activity log
            page.navigate(base() + "/activity");
            assertThat(page.locator("#activity-results tbody tr").first()).isVisible();
            screenshot(page, "06-activity");

            assertThat(problems).as("CSP violations, console errors and warnings, script errors").isEmpty();

            // The collector works and Chromium enforces the policy: an inline script is refused and reported
            page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                    + " document.body.appendChild(s); }");
            page.waitForCondition(() -> !problems.isEmpty());
            assertThat(page.evaluate("() => window.__ran === undefined")).isEqualTo(true);
            assertThat(String.join("\n", problems)).contains("CSP violation: script-src-elem");
        }
    }
}
