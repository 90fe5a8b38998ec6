package io.seatwise.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.seatwise.access.TestAgents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every browser test shares: Debian's Chromium driven by Playwright (skipped without CI when it is missing,
 * a failure on CI), a server on a random loopback port, sign-in, and screenshots under
 * {@code target/screenshots/<test>/} for people to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserTestSupport {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    protected static final Path SCREENSHOTS = Paths.get(System.getProperty("seatwise.test.output", "target"),
            "screenshots");

    protected static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;

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
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    /** A new browser context (close it when done) in the given language, e.g. "en-US", "ru-RU", "zh-CN". */
    protected BrowserContext context(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900).setLocale(locale)
                .setAcceptDownloads(true));
    }

    /** Signs in on the English sign-in form and waits for the page after it. */
    protected void signIn(Page page, String email, String password) {
        page.navigate(base() + "/login?lang=en");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForLoadState();
    }

    /** Signs in as an agent made by {@link TestAgents}. */
    protected void signIn(Page page, TestAgents.Signed agent) {
        signIn(page, agent.agent().email(), TestAgents.PASSWORD);
    }

    /** A full-page screenshot at target/screenshots/{test class}/{name}.png. */
    protected void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(getClass().getSimpleName()).resolve(name + ".png")).setFullPage(true));
    }
}
