package io.seatwise.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Media;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.TestMailServer;
import io.seatwise.users.NewUser;
import io.seatwise.users.UserId;
import io.seatwise.users.UserLicenses.LicenseRequest;
import io.seatwise.users.UsersService;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * User accounts in a real browser: Add user with Add another user, the confirmation page (print, CSV once, email
 * once, then the passwords are gone), Import users, and a user's page (edit, reset password, delete, restore).
 */
class UserAccountsBrowserTest extends BrowserTestSupport {

    @RegisterExtension
    static TestMailServer mail = new TestMailServer();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        mail.pointMailAtIt(registry);
    }

    @Autowired
    TestAgents agents;
    @Autowired
    LicensingFixture licensing;
    @Autowired
    UsersService users;
    @Autowired
    JdbcClient jdbc;

    Tenant t;
    TestAgents.Signed agent;

    @BeforeEach
    void givenACustomerWithOneE3SeatAndAHelpdeskAgent() {
        t = licensing.tenant("SE", E3, 1);
        agent = agents.create(Role.HELPDESK);
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void addsTwoUsersThenPrintsDownloadsAndMailsTheirPasswordsOnce() throws Exception {
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agent);

            // Given the Add user form
            page.navigate(base() + "/customers/" + t.id() + "/users/new");
            screenshot(page, "01-add-user");
            page.getByLabel("First name").fill("Ann");
            page.getByLabel("Last name").fill("Lee");
            page.getByLabel("User name").fill("ann");
            page.getByLabel("Microsoft 365 E3 (1 available)").check();

            // When the agent adds Ann and then, with Add another user, Bo
            page.getByRole(AriaRole.BUTTON, named("Add another user")).click();
            assertThat(page.getByTestId("success")).containsText("User ann@" + t.domain() + " was added.");
            assertThat(page.getByTestId("sheet-count")).containsText("Users added in this run: 1.");
            screenshot(page, "02-add-another");
            page.getByLabel("Display name").fill("=HYPERLINK(\"x\")");
            page.getByLabel("User name").fill("bo");
            page.getByRole(AriaRole.BUTTON, named("Add")).click();

            // Then the confirmation page lists both with their temporary passwords
            page.waitForURL(Pattern.compile(".*/users/sheets/.*"));
            assertThat(page.getByTestId("temporary-password")).hasCount(2);
            assertThat(page.getByTestId("sheet-table")).containsText("ann@" + t.domain());
            assertThat(page.getByTestId("sheet-table")).containsText("bo@" + t.domain());
            assertThat(page.getByTestId("sheet-table")).containsText("Assigned");
            screenshot(page, "03-confirmation");

            // ... printed without navigation and buttons
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("header.sw-topbar")).isHidden();
            assertThat(page.getByRole(AriaRole.BUTTON, named("Print"))).isHidden();
            assertThat(page.getByTestId("sheet-table")).isVisible();
            screenshot(page, "04-print");
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
            assertThat(page.locator("header.sw-topbar")).isVisible();

            // ... downloaded once as CSV for Excel
            Download download = page.waitForDownload(() ->
                    page.getByRole(AriaRole.BUTTON, named("Download CSV")).click());
            byte[] csv = Files.readAllBytes(download.path());
            assertThat(csv).startsWith((byte) 0xef, (byte) 0xbb, (byte) 0xbf);
            String text = new String(csv, StandardCharsets.UTF_8);
            assertThat(text).contains("ann@" + t.domain(), "bo@" + t.domain(), "'=HYPERLINK(");
            assertThat(text).doesNotContain(",=HYPERLINK");
            assertThat(page.getByTestId("downloaded")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, named("Download CSV"))).hasCount(0);
            screenshot(page, "05-downloaded");

            // ... and mailed once
            page.getByLabel("Send to").fill("it@" + t.domain());
            page.getByRole(AriaRole.BUTTON, named("Send")).click();
            assertThat(page.getByTestId("success")).hasText("The passwords were sent to it@" + t.domain() + ".");
            MimeMessage[] received = mail.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("it@" + t.domain());
            String attachment = new String(((MimeMultipart) received[0].getContent()).getBodyPart(1).getInputStream()
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(attachment).contains("ann@" + t.domain(), "bo@" + t.domain());

            // Then the passwords are gone, and the page says so
            assertThat(page.getByTestId("passwords-gone")).isVisible();
            assertThat(page.getByTestId("temporary-password")).hasCount(0);
            screenshot(page, "06-passwords-gone");
            String sheet = page.url().replaceAll(".*/sheets/", "");
            assertThat(jdbc.sql("SELECT count(*) FROM password_sheet_entry WHERE sheet_id = ?")
                    .param(java.util.UUID.fromString(sheet)).query(Long.class).single())
                    .as("the sealed passwords are deleted").isZero();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ?").param(t.id().value())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void importsAFileWithBadRowsReportsThemAndCreatesTheValidOnes() {
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agent);
            page.navigate(base() + "/customers/" + t.id() + "/users/import");
            screenshot(page, "11-import");

            Download template = page.waitForDownload(() -> page.getByTestId("template").click());
            String header;
            try {
                header = Files.readString(template.path(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertThat(header).contains("First name", "Last name", "User name", "Usage location");

            String file = "First name,Last name,Display name,User name,Usage location,Licenses\n"
                    + "Ann,Lee,Ann Lee,ann@" + t.domain() + ",NO,SPE_E3\n"
                    + "Bo,Ek,,bo@" + t.domain() + ",,\n"
                    + ",,,carl@" + t.domain() + ",SE,\n"
                    + "Dan,Do,Dan Do,dan@elsewhere.example,SE,\n";
            page.getByLabel("CSV file").setInputFiles(new FilePayload("users.csv", "text/csv",
                    file.getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, named("Upload and check")).click();
            assertThat(page.getByTestId("report-summary")).hasText("Rows: 4. Valid: 2. Refused: 2.");
            Locator line4 = page.getByTestId("problems").locator("tbody tr").filter(new Locator.FilterOptions()
                    .setHas(page.locator("td:first-child", new Page.LocatorOptions()
                            .setHasText(Pattern.compile("^\\s*4\\s*$")))));
            assertThat(line4.first()).containsText("A required field is empty.");
            assertThat(page.getByTestId("problems")).containsText("The domain is not one of the customer’s domains.");
            screenshot(page, "12-import-report");

            page.getByRole(AriaRole.BUTTON, named("Create 2 valid users")).click();
            page.waitForURL(Pattern.compile(".*/users/sheets/.*"));
            assertThat(page.getByTestId("temporary-password")).hasCount(2);
            assertThat(page.getByTestId("license-summary"))
                    .hasText("2 users were imported. Licenses assigned: 1; not assigned: 0.");
            screenshot(page, "13-import-confirmation");
        }
    }

    @Test
    void aLargeImportShowsItsProgressThenTheConfirmation() {
        StringBuilder file = new StringBuilder("First name,Last name,Display name,User name,Usage location\n");
        for (int i = 0; i < 30_000; i++) {
            file.append("F").append(i).append(",L,,u").append(i).append('@').append(t.domain()).append(",SE\n");
        }
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agent);
            page.navigate(base() + "/customers/" + t.id() + "/users/import");
            page.getByLabel("CSV file").setInputFiles(new FilePayload("many.csv", "text/csv",
                    file.toString().getBytes(StandardCharsets.UTF_8)));
            page.getByRole(AriaRole.BUTTON, named("Upload and check")).click();
            assertThat(page.getByTestId("report-summary")).hasText("Rows: 30,000. Valid: 30,000. Refused: 0.",
                    new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
            page.getByRole(AriaRole.BUTTON, named("Create 30,000 valid users")).click();
            // The answer is the run's page, not a page that waits for the whole import: a status and a progress
            // bar, polled every second (the run itself is a job in the database)
            page.waitForURL(Pattern.compile(".*/import/jobs/[0-9a-f-]{36}$"));
            assertThat(page.getByTestId("progress-step")).isVisible();
            assertThat(page.getByRole(AriaRole.PROGRESSBAR)).isVisible();
            assertThat(page.locator("#import-progress")).hasAttribute("hx-trigger", "every 1s");
            // While it runs, the status counts rows and users (caught when the machine is slow enough to see it)
            try {
                assertThat(page.getByTestId("progress-step")).hasText(Pattern.compile("\\d"),
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(3_000));
            } catch (AssertionError | com.microsoft.playwright.PlaywrightException fast) {
                // the run was over before the first poll
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(getClass().getSimpleName())
                    .resolve("14-import-progress.png")));
            page.waitForURL(Pattern.compile(".*/users/sheets/.*"), new Page.WaitForURLOptions().setTimeout(180_000));
            assertThat(page.getByTestId("more-users"))
                    .hasText("The first 5,000 of 30,000 users are shown here; the CSV file and the email hold all "
                            + "of them.");
            assertThat(page.getByTestId("temporary-password")).hasCount(5_000);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(getClass().getSimpleName())
                    .resolve("15-large-import-confirmation.png")));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ?").param(t.id().value())
                .query(Long.class).single()).isEqualTo(30_000);
    }

    @Test
    void editsResetsDeletesAndRestoresAUser() {
        UserId ann = SystemActor.call(() -> users.create(t.id(), new NewUser("ann@" + t.domain(), "Ann", "Lee",
                null, "SE", null), List.of(new LicenseRequest(E3, Set.of())))).user().id();
        String userPage = base() + "/customers/" + t.id() + "/users/" + ann;
        String password;
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, agent);
            page.navigate(userPage);
            assertThat(page.getByTestId("licenses")).containsText("Microsoft 365 E3");
            screenshot(page, "21-user");

            // Edit: a too long first name is refused next to the field, then a new display name is saved
            page.getByLabel("First name").fill("x".repeat(51));
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page.locator("#firstName-error")).hasText("Enter a first name of at most 50 characters.");
            screenshot(page, "22-user-error");
            page.getByLabel("First name").fill("Ann");
            page.getByLabel("Display name").fill("Ann Renamed");
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            assertThat(page.getByTestId("success")).hasText("The changes to ann@" + t.domain() + " were saved.");
            assertThat(page.getByTestId("user-name")).hasText("Ann Renamed");

            // Reset password: asked first, then shown once
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reset password")).click();
            assertThat(page.getByTestId("confirm-question")).containsText("Give Ann Renamed (ann@" + t.domain());
            screenshot(page, "23-reset-confirm");
            page.getByRole(AriaRole.BUTTON, named("Reset password")).click();
            password = page.getByTestId("temporary-password").textContent().strip();
            assertThat(password).hasSizeGreaterThan(12);
            screenshot(page, "24-reset-done");

            // Delete: asked naming the user, then back to the list; the user is under Deleted users
            page.navigate(userPage);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete user account")).click();
            assertThat(page.getByTestId("confirm-question"))
                    .containsText("Delete the user account of Ann Renamed (ann@" + t.domain() + ")?");
            screenshot(page, "25-delete-confirm");
            page.getByRole(AriaRole.BUTTON, named("Delete user account")).click();
            page.waitForURL(base() + "/customers/" + t.id() + "/users");
            page.navigate(base() + "/customers/" + t.id() + "/users/deleted");
            assertThat(page.getByRole(AriaRole.HEADING, named("Deleted users (1)"))).isVisible();
            screenshot(page, "26-deleted-users");

            // Restore: selected, asked, and the result per user
            page.getByLabel("Select every user on this page").check();
            assertThat(page.getByLabel("Select ann@" + t.domain())).isChecked();
            page.getByRole(AriaRole.BUTTON, named("Restore")).click();
            assertThat(page.getByTestId("confirm-question")).containsText("Restore one user: ann@" + t.domain());
            page.getByRole(AriaRole.BUTTON, named("Restore")).click();
            assertThat(page.getByTestId("restore-summary")).hasText("Users restored: 1 of 1.");
            assertThat(page.getByTestId("restore-results")).containsText("Microsoft 365 E3");
            screenshot(page, "27-restored");
        }

        // The user signs in with the temporary password and must choose a new one
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, "ann@" + t.domain(), password);
            assertThat(page).hasURL(Pattern.compile(".*/account/password$"));
            screenshot(page, "28-set-password");
        }
    }
}
