package io.seatwise.browser;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.users.UserId;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users list's selection and Manage licenses in Chromium: selecting across pages and all matching users, the
 * Selected users view, the tri-state product checkbox, Assigned, service plans, too few seats and Buy more, preview,
 * Save, Licenses updated with CSV and undo (once), and the whole flow by keyboard alone.
 */
class ManageLicensesBrowserTest extends BrowserTestSupport {

    @Autowired
    LicensingFixture licensing;
    @Autowired
    TestAgents agents;
    @Autowired
    LicensingService service;

    @BeforeEach
    void patientAssertions() {
        // The machine may be busy: an htmx swap can take longer than Playwright's default 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    private String users(Tenant t) {
        return base() + "/customers/" + t.id() + "/users";
    }

    private static Locator box(Page page, String displayName) {
        return page.getByLabel("Select " + displayName, new Page.GetByLabelOptions().setExact(true));
    }

    private static void tick(Page page, String displayName, String expectedCount) {
        box(page, displayName).click();
        assertThat(page.getByTestId("selected-count")).hasText(expectedCount);
    }

    @Test
    void selectsAcrossPagesAndAllMatchingAndListsTheSelection() {
        Tenant t = licensing.tenant("SE", E3, 5);
        t.users(30, "SE");
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agents.create(Role.SALES));
            page.navigate(users(t) + "?size=25");
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 2 · 30 in all");

            // Two users on the first page, one on the second
            tick(page, "First1 Last1", "1 selected");
            tick(page, "First10 Last10", "2 selected");
            assertThat(box(page, "First1 Last1")).isChecked();
            assertThat(page.locator("#select-page").evaluate("e => e.indeterminate")).isEqualTo(true);
            screenshot(page, "01-two-selected");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next").setExact(true)).click();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 2 of 2 · 30 in all");
            tick(page, "First5 Last5", "3 selected");
            screenshot(page, "02-page-two");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Previous").setExact(true)).click();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 2 · 30 in all");
            assertThat(box(page, "First1 Last1")).isChecked();
            assertThat(box(page, "First2 Last2")).not().isChecked();

            // Last, First and the page size, the selection kept throughout
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last").setExact(true)).click();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 2 of 2 · 30 in all");
            assertThat(box(page, "First5 Last5")).isChecked();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("First").setExact(true)).click();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 2 · 30 in all");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("50").setExact(true)).click();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 1 · 30 in all");
            assertThat(page.locator("#user-results tbody tr")).hasCount(30);
            assertThat(page.getByTestId("selected-count")).hasText("3 selected");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("25").setExact(true)).click();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 2 · 30 in all");

            // The header checkbox takes the whole page
            page.locator("#select-page").click();
            assertThat(page.getByTestId("selected-count")).hasText("26 selected");
            page.locator("#select-page").click();
            assertThat(page.getByTestId("selected-count")).hasText("1 selected");
            tick(page, "First1 Last1", "2 selected");
            tick(page, "First10 Last10", "3 selected");

            // The Selected users view lists only them; one is taken out
            page.getByTestId("selected-link").click();
            page.waitForURL(Pattern.compile(".*/users\\?view=selected$"));
            assertThat(page.locator("#user-results tbody tr")).hasCount(3);
            screenshot(page, "03-selected-view");
            page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Remove First5 Last5 from the selection"))
                    .click();
            assertThat(page.locator("#user-results tbody tr")).hasCount(2);
            assertThat(page.getByTestId("selected-count")).hasText("2 selected");

            // Search, then select every matching user: the selection becomes the filter
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All users")).click();
            // A full page: htmx must be loaded before the filter form's change is its to send.
            page.waitForURL(Pattern.compile(".*/users$"));
            // Filter users by: nobody is licensed yet, everybody unlicensed
            page.getByLabel("Filter users by").selectOption("licensed");
            assertThat(page.locator("#user-results")).containsText("No users match.");
            page.getByLabel("Filter users by").selectOption("unlicensed");
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 1 · 30 in all");
            page.getByLabel("Filter users by").selectOption("all");
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 1 · 30 in all");
            page.getByLabel("Sort by").selectOption("-displayName");
            assertThat(page.locator("#user-results tbody tr").first()).containsText("First9 Last9");
            assertThat(page.getByTestId("selected-count")).hasText("2 selected");
            page.getByLabel("Search users").fill("First1");
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 1 · 11 in all");
            assertThat(page.getByTestId("selected-count")).hasText("2 selected");
            assertThat(box(page, "First10 Last10")).isChecked();
            assertThat(box(page, "First11 Last11")).not().isChecked();
            page.getByLabel("Search users").fill("First2");
            // "First1" matched 11 users too: wait for First2's own users before acting on the list.
            assertThat(box(page, "First20 Last20")).isVisible();
            assertThat(page.getByTestId("paging-summary")).hasText("Page 1 of 1 · 11 in all");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Select all 11 matching users"))
                    .click();
            assertThat(page.getByTestId("selected-count")).hasText("11 selected");
            assertThat(page.getByTestId("matching-note")).containsText("All 11 users that match the filter");
            screenshot(page, "04-all-matching");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear selection")).click();
            assertThat(page.getByTestId("selected-count")).hasText("0 selected");
        }
    }

    @Test
    void manageLicensesShowsTriStateAssignedPlansAndRefusesTooFewSeatsUntilMoreAreBought() {
        Tenant t = licensing.tenant("SE", E3, 2, EXCHANGE_PLAN_1, 0);
        List<UserId> ids = t.users(3, "SE");
        SystemActor.run(() -> service.apply(t.id(), new Selection.UserIds(List.of(ids.get(0))),
                LicensingFixture.assign(E3)));
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agents.create(Role.SALES));
            page.navigate(users(t));
            tick(page, "First1 Last1", "1 selected");
            tick(page, "First2 Last2", "2 selected");
            tick(page, "First3 Last3", "3 selected");
            page.getByTestId("manage-licenses").click();
            page.waitForURL(Pattern.compile(".*/users/licenses$"));
            assertThat(page.getByTestId("chips")).containsText("First1 Last1");

            // E3 is held by one of three: partly checked
            Locator e3 = page.getByLabel("Microsoft 365 E3", new Page.GetByLabelOptions().setExact(true));
            assertThat(e3.evaluate("e => e.indeterminate")).isEqualTo(true);
            assertThat(e3).hasAttribute("aria-checked", "mixed");
            Locator e3Row = page.locator("tr[data-product=SPE_E3]");
            assertThat(e3Row.getByTestId("available")).hasText("1 of 2 available");
            // ... Assigned names the holder
            e3Row.getByTestId("assigned").locator("summary").click();
            assertThat(e3Row.getByTestId("holders")).containsText("First1 Last1");
            assertThat(e3Row.getByTestId("holders")).not().containsText("First2 Last2");
            // ... its service plans can be switched one by one
            e3Row.getByTestId("plans").locator("summary").click();
            assertThat(e3Row.locator("input[name=plans]").first()).isVisible();
            assertThat(e3Row.locator("input[name=plans]").first()).isChecked();
            // Exchange has no seats at all: Buy more
            Locator exchange = page.locator("tr[data-product=EXCHANGESTANDARD]");
            assertThat(exchange.getByTestId("buy-more")).isVisible();
            screenshot(page, "01-manage-licenses");

            // Ticking E3 for all three needs 2 seats; 1 is free
            e3.click();
            assertThat(e3.evaluate("e => e.indeterminate")).isEqualTo(false);
            assertThat(e3).isChecked();
            // The box goes round: clear (remove from all), back to partly (leave as it is), then checked again
            e3.click();
            assertThat(e3).not().isChecked();
            assertThat(e3.evaluate("e => e.indeterminate")).isEqualTo(false);
            e3.click();
            assertThat(e3.evaluate("e => e.indeterminate")).isEqualTo(true);
            assertThat(e3).hasAttribute("aria-checked", "mixed");
            assertThat(page.locator("#keep-" + E3)).isEnabled();
            e3.click();
            assertThat(e3).isChecked();
            assertThat(page.locator("#keep-" + E3)).isDisabled();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            Locator seats = page.getByTestId("seats").locator("tr[data-product=SPE_E3]");
            assertThat(seats.getByTestId("needed")).hasText("2");
            assertThat(page.getByTestId("save")).isDisabled();
            assertThat(page.getByTestId("save-reason"))
                    .hasText("Cannot save: Microsoft 365 E3 needs 2 licenses, 1 available (1 missing). "
                            + "Buy more licenses or select fewer users.");
            // The users' lines agree: nobody "will succeed" while the change cannot be saved
            assertThat(page.getByTestId("preview-counts")).hasText("3 selected users: nothing can be saved until "
                    + "there are enough licenses (see below).");
            assertThat(page.getByTestId("outcomes")).not().containsText("Will succeed");
            assertThat(page.getByTestId("outcomes")).containsText("Needs more licenses");
            assertThat(page.getByTestId("outcomes")).containsText(
                    "Would get Microsoft 365 E3, but not enough licenses are available.");
            screenshot(page, "02-preview-short");

            // Buy more, and back at Manage licenses
            seats.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Buy more Microsoft 365 E3")).click();
            assertThat(page.getByTestId("buy-more-question"))
                    .hasText("Buy 1 more seat of Microsoft 365 E3? The total will become 3.");
            screenshot(page, "03-buy-more");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm purchase")).click();
            page.waitForURL(Pattern.compile(".*/users/licenses$"));
            assertThat(page.getByTestId("success"))
                    .hasText("Bought 1 more seat of Microsoft 365 E3. The total is now 3.");
            assertThat(page.locator("tr[data-product=SPE_E3]").getByTestId("available")).hasText("2 of 3 available");
            screenshot(page, "04-back-at-manage-licenses");

            page.getByLabel("Microsoft 365 E3", new Page.GetByLabelOptions().setExact(true)).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            assertThat(page.getByTestId("save")).isEnabled();
        }
        assertThat(t.assigned(E3)).isEqualTo(1);
    }

    @Test
    void previewSaveConfirmationCsvAndUndoOnce() throws Exception {
        Tenant t = licensing.tenant("SE", E3, 5);
        t.users(2, "SE");
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agents.create(Role.HELPDESK));
            page.navigate(users(t));
            tick(page, "First1 Last1", "1 selected");
            tick(page, "First2 Last2", "2 selected");
            page.getByTestId("manage-licenses").click();
            page.waitForURL(Pattern.compile(".*/users/licenses$"));
            page.getByLabel("Microsoft 365 E3", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            assertThat(page.getByTestId("preview-counts")).hasText("2 selected users: 2 will succeed, 0 will fail.");
            assertThat(page.getByTestId("outcomes")).containsText("Gets Microsoft 365 E3.");
            screenshot(page, "01-preview");
            assertThat(t.assigned(E3)).isZero();

            page.getByTestId("save").click();
            page.waitForURL(Pattern.compile(".*/licensechanges/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("updated-title")).hasText("Licenses updated");
            assertThat(page.getByTestId("results").locator("tbody tr")).hasCount(2);
            assertThat(page.getByTestId("results")).containsText("Licenses now: Microsoft 365 E3.");
            screenshot(page, "02-licenses-updated");
            assertThat(t.assigned(E3)).isEqualTo(2);
            String changeUrl = page.url();

            Download download = page.waitForDownload(() -> page.getByTestId("csv").click());
            String csv = Files.readString(download.path());
            assertThat(download.suggestedFilename()).startsWith("license-change-").endsWith(".csv");
            assertThat(csv).contains("User id,User name,Display name,Status,Why it failed,Licenses")
                    .contains("First1 Last1,Succeeded,,Microsoft 365 E3").contains("First2 Last2");

            // Undo through its confirmation; a second tab that had the confirmation open is refused
            page.getByTestId("undo").click();
            assertThat(page.getByTestId("confirm-question")).containsText("Undo what this change did for its 2 users?");
            screenshot(page, "03-undo-confirm");
            Page second = context.newPage();
            second.navigate(page.url());
            page.bringToFront();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo the change")).click();
            assertThat(page.getByTestId("success")).hasText("The change was undone: 2 users reverted, 0 could not be.");
            assertThat(page.getByTestId("undo-of")).isVisible();
            screenshot(page, "04-undone");
            assertThat(t.assigned(E3)).isZero();

            second.bringToFront();
            second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo the change")).click();
            second.waitForURL(changeUrl);
            assertThat(second.getByTestId("problem"))
                    .hasText("This change was already undone; it cannot be undone twice.");
            assertThat(second.getByTestId("undo")).hasCount(0);
            screenshot(second, "05-second-undo-refused");

            // Later, both are found again under License changes
            page.bringToFront();
            page.navigate(users(t));
            page.getByTestId("license-changes").click();
            assertThat(page.getByTestId("changes").locator("tbody tr")).hasCount(2);
            screenshot(page, "06-license-changes");
            page.getByTestId("changes").locator("tbody tr").nth(1).getByRole(AriaRole.LINK).click();
            page.waitForURL(changeUrl);
            assertThat(page.getByTestId("undone-by")).isVisible();
        }
        assertThat(t.assigned(E3)).isZero();
    }

    @Autowired
    org.springframework.context.ApplicationContext spring;

    @Test
    void aLargeChangeShowsItsProgressThenLicensesUpdatedAndSoDoesItsUndo() {
        // Given the console runs changes of more than one user in the background (normally: above 100,000)
        Object background = spring.getBean("licenseBackground");
        Long before = org.springframework.test.util.ReflectionTestUtils.invokeMethod(background, "setAbove", 1L);
        Tenant t = licensing.tenant("SE", E3, 5);
        t.users(2, "SE");
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agents.create(Role.HELPDESK));
            page.navigate(users(t));
            tick(page, "First1 Last1", "1 selected");
            tick(page, "First2 Last2", "2 selected");
            page.getByTestId("manage-licenses").click();
            page.waitForURL(Pattern.compile(".*/users/licenses$"));
            page.getByLabel("Microsoft 365 E3", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            assertThat(page.getByTestId("preview-counts")).hasText("2 selected users: 2 will succeed, 0 will fail.");

            // When it is saved, a page shows it going on, then leads by itself to Licenses updated
            // Every address the browser asks for (the job's page may already lead on when it is first asked for)
            List<String> visited = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onRequest(request -> visited.add(request.url()));
            page.getByTestId("save").click();
            if (page.url().contains("/licensejobs/")) {
                screenshot(page, "06-license-job");
            }
            page.waitForURL(Pattern.compile(".*/licensechanges/[0-9a-f-]{36}$"));
            org.assertj.core.api.Assertions.assertThat(visited).as("the job's page was asked for first")
                    .anyMatch(url -> url.matches(".*/licensejobs/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("results").locator("tbody tr")).hasCount(2);
            assertThat(page.getByTestId("results")).containsText("Licenses now: Microsoft 365 E3.");
            org.assertj.core.api.Assertions.assertThat(t.assigned(E3)).isEqualTo(2);

            // And its undo the same way, back on the change with the result said
            page.getByTestId("undo").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo the change")).click();
            assertThat(page.getByTestId("success")).hasText("The change was undone: 2 users reverted, 0 could not be.");
            assertThat(page).hasURL(Pattern.compile(".*/licensechanges/[0-9a-f-]{36}$"));
            screenshot(page, "07-undone-by-job");
            org.assertj.core.api.Assertions.assertThat(t.assigned(E3)).isZero();
        } finally {
            org.springframework.test.util.ReflectionTestUtils.invokeMethod(background, "setAbove", before);
        }
    }

    @Test
    void aSlowTickAndARefreshMeanwhileNeverLeaveTheCountBehindTheSelection() {
        Tenant t = licensing.tenant("SE", E3, 5);
        t.users(3, "SE");
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agents.create(Role.HELPDESK));
            page.navigate(users(t));
            tick(page, "First1 Last1", "1 selected");
            // A tick whose request is slow to leave the browser (1.5 s)...
            page.evaluate("""
                    () => {
                      const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
                      XMLHttpRequest.prototype.open = function (method, url) {
                        this.swUrl = String(url);
                        return open.apply(this, arguments);
                      };
                      XMLHttpRequest.prototype.send = function () {
                        if (window.swHold && /selection/.test(this.swUrl)) {
                          window.swHold = false;
                          const args = arguments;
                          setTimeout(() => send.apply(this, args), 1500);
                          return;
                        }
                        return send.apply(this, arguments);
                      };
                      window.swHold = true;
                    }""");
            box(page, "First2 Last2").click();
            // ...and meanwhile a new order of the list, answered at once
            page.selectOption("#user-sort", "-displayName");
            page.waitForTimeout(3_000);

            // The count shown is the selection the server keeps, and the boxes agree with it
            String shown = page.getByTestId("selected-count").innerText();
            long ticked = page.locator("input[name=userIds]:checked").count();
            page.reload();
            assertThat(page.getByTestId("selected-count")).hasText(shown);
            org.assertj.core.api.Assertions.assertThat(shown).isEqualTo(ticked + " selected");
            screenshot(page, "08-after-a-slow-refresh");
        }
    }

    @Test
    void aUserWhoCannotHaveTheLicenseFailsAloneSaidInWordsAndTheChipsAreSorted() {
        Tenant t = licensing.tenant("SE", E3, 5);
        t.users(2, "SE");
        t.userWithoutLocation();
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agents.create(Role.HELPDESK));
            page.navigate(users(t) + "?sort=-displayName");
            // Ticked in reverse order; the chips list them by name
            page.locator("#select-page").click();
            assertThat(page.getByTestId("selected-count")).hasText("3 selected");
            page.getByTestId("manage-licenses").click();
            page.waitForURL(Pattern.compile(".*/users/licenses$"));
            List<String> chips = page.getByTestId("chips").locator("li").allInnerTexts();
            org.assertj.core.api.Assertions.assertThat(chips).isSortedAccordingTo(java.text.Collator.getInstance(
                    java.util.Locale.ENGLISH)).hasSize(3);

            page.getByLabel("Microsoft 365 E3", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
            assertThat(page.getByTestId("preview-counts")).hasText("3 selected users: 2 will succeed, 1 will fail.");
            assertThat(page.getByTestId("outcomes")).containsText("Will fail");
            assertThat(page.getByTestId("outcomes")).containsText("The user has no usage location: set one first.");
            page.getByTestId("save").click();
            page.waitForURL(Pattern.compile(".*/licensechanges/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("change-counts")).containsText("3 users: 2 succeeded, 1 failed");
            assertThat(page.getByTestId("results")).containsText("Failed");
            assertThat(page.getByTestId("results")).containsText("The user has no usage location: set one first.");
            screenshot(page, "09-one-failed");
        }
        org.assertj.core.api.Assertions.assertThat(t.assigned(E3)).isEqualTo(2);
    }

    @Test
    void theWholeFlowWorksByKeyboardAlone() {
        Tenant t = licensing.tenant("SE", E3, 5);
        t.users(3, "SE");
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agents.create(Role.SALES));
            page.navigate(users(t));
            assertThat(unlabelled(page)).isEmpty();

            tabTo(page, "Select First1 Last1");
            page.keyboard().press("Space");
            assertThat(page.getByTestId("selected-count")).hasText("1 selected");
            tabTo(page, "Select First2 Last2");
            page.keyboard().press("Space");
            assertThat(page.getByTestId("selected-count")).hasText("2 selected");
            screenshot(page, "01-selected-by-keyboard");
            tabTo(page, "Manage licenses");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/users/licenses$"));
            assertThat(unlabelled(page)).isEmpty();

            tabTo(page, "Microsoft 365 E3");
            page.keyboard().press("Space");
            assertThat(page.getByLabel("Microsoft 365 E3", new Page.GetByLabelOptions().setExact(true))).isChecked();
            tabTo(page, "View service plans of Microsoft 365 E3");
            page.keyboard().press("Enter");
            assertThat(page.locator("tr[data-product=SPE_E3] input[name=plans]").first()).isVisible();
            screenshot(page, "02-manage-by-keyboard");
            tabTo(page, "Preview");
            page.keyboard().press("Enter");
            assertThat(page.getByTestId("preview-counts")).hasText("2 selected users: 2 will succeed, 0 will fail.");
            assertThat(unlabelled(page)).isEmpty();
            screenshot(page, "03-preview-by-keyboard");

            tabTo(page, "Save");
            page.keyboard().press("Enter");
            page.waitForURL(Pattern.compile(".*/licensechanges/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("updated-title")).hasText("Licenses updated");
            assertThat(unlabelled(page)).isEmpty();
            screenshot(page, "04-confirmation-by-keyboard");
        }
        assertThat(t.assigned(E3)).isEqualTo(2);
    }

    /** The name a control is known by: aria-label, its label, or its text. */
    private static final String NAME = "e => (e.getAttribute('aria-label') || (e.labels && e.labels.length"
            + " ? e.labels[0].textContent : '') || e.textContent || '').trim()";

    /** Presses Tab until the focused control has this name; fails after 150 presses. */
    private static void tabTo(Page page, String name) {
        for (int i = 0; i < 150; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("() => { const e = document.activeElement; return e ? (" + NAME
                    + ")(e) : ''; }");
            if (name.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("no control named '" + name + "' reached by Tab on " + page.url());
    }

    /** Visible controls without a name a screen reader could say. */
    @SuppressWarnings("unchecked")
    private static List<String> unlabelled(Page page) {
        return (List<String>) page.evaluate("() => Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea, button, a[href], summary'))"
                + ".filter(e => e.offsetParent !== null)"
                + ".filter(e => !(" + NAME + ")(e) && !e.getAttribute('aria-labelledby') && !e.title)"
                + ".map(e => e.outerHTML.slice(0, 120))");
    }
}
