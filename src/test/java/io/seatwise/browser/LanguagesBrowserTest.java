package io.seatwise.browser;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.users.NewUser;
import io.seatwise.users.UsersService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in its five languages, in a real browser whose language is each of them in turn: the page says its
 * language, no message key is missing, numbers and dates are written the language's way, and names in Latin,
 * Cyrillic and Chinese script are shown as written and sorted as people expect.
 */
class LanguagesBrowserTest extends BrowserTestSupport {

    /** Browser language, and the texts each page must show in it. */
    private record Language(String tag, String customers, String users) {
    }

    private static final List<Language> LANGUAGES = List.of(
            new Language("en-US", "Customers", "Users"),
            new Language("fr-FR", "Clients", "Utilisateurs"),
            new Language("ru-RU", "Клиенты", "Пользователи"),
            new Language("zh-CN", "客户", "用户"),
            new Language("sv-SE", "Kunder", "Användare"));

    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    TestAgents agents;
    @Autowired
    UsersService users;
    @Autowired
    CustomersService customers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPageInEveryLanguage() {
        Customer customer = fixtures.customerWithE3("Polyglot", 12_345);
        List<String> names = List.of("Zoe Smith", "anna Berg", "Ёлкин Пётр", "Анна Иванова", "张伟", "李娜", "陈静");
        int n = 0;
        for (String name : names) {
            String upn = "p" + (n++) + "@" + customer.domains().get(0);
            SystemActor.run(() -> users.create(customer.id(), new NewUser(upn, null, null, name, "SE", null),
                    List.of()));
        }
        Instant created = jdbc.sql("SELECT max(created_at) FROM app_user WHERE customer_id = ?")
                .param(customer.id().value()).query(java.sql.Timestamp.class).single().toInstant();
        TestAgents.Signed admin = agents.create(Role.ADMIN);
        String someone = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM app_user WHERE customer_id = ? "
                + "ORDER BY user_principal_name LIMIT 1").param(customer.id().value()).query(String.class).single();
        String c = "/customers/" + customer.id();
        // More pages, each read in English first: in every other language its text is another
        List<String> more = List.of(c + "/users/new", c + "/users/import", c + "/users/deleted", c + "/licensechanges",
                c + "/users/" + someone, c + "/users/" + someone + "/reset-password",
                c + "/users/" + someone + "/delete", "/activity", "/agents");
        Map<String, String> englishHeadings = new java.util.HashMap<>();

        for (Language language : LANGUAGES) {
            Locale locale = Locale.forLanguageTag(language.tag());
            try (BrowserContext context = context(language.tag())) {
                Page page = context.newPage();
                page.navigate(base() + "/login");
                page.locator("#username").fill(admin.agent().email());
                page.locator("#password").fill(TestAgents.PASSWORD);
                page.locator("button[type=submit]").click();
                page.waitForLoadState();

                page.navigate(base() + "/customers/" + customer.id());
                assertThat(page.locator("html")).hasAttribute("lang",
                        java.util.regex.Pattern.compile("^" + locale.getLanguage() + "\\b.*"));
                assertThat(page.locator("nav").first()).containsText(language.customers());
                assertThat(page.locator("#subscriptions [data-testid=total]").first())
                        .hasText(NumberFormat.getIntegerInstance(locale).format(12_345));
                noMissingMessages(page);
                screenshot(page, language.tag() + "-1-customer");

                page.navigate(base() + "/customers/" + customer.id() + "/users?sort=displayName");
                assertThat(page.locator("main")).containsText(language.users());
                String text = page.locator("#user-results").innerText();
                // Latin, then Cyrillic with Ё beside Е (not before А), then Chinese by pinyin; not by code point.
                assertThat(order(text, "anna Berg", "Zoe Smith", "Анна Иванова", "Ёлкин Пётр", "陈静", "李娜", "张伟"))
                        .as(language.tag()).isTrue();
                assertThat(text).contains(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(locale).withZone(ZoneId.systemDefault()).format(created));
                noMissingMessages(page);
                screenshot(page, language.tag() + "-2-users");

                int shot = 3;
                for (String path : more) {
                    page.navigate(base() + path);
                    assertThat(page.locator("html")).hasAttribute("lang",
                            java.util.regex.Pattern.compile("^" + locale.getLanguage() + "\\b.*"));
                    noMissingMessages(page);
                    // Names aside, the page's words are the language's own: its text differs from the English page's
                    String heading = page.locator("main").innerText().strip();
                    if (locale.getLanguage().equals("en")) {
                        englishHeadings.put(path, heading);
                    } else {
                        org.assertj.core.api.Assertions.assertThat(heading).as(language.tag() + " " + path)
                                .isNotBlank().isNotEqualTo(englishHeadings.get(path));
                    }
                    screenshot(page, language.tag() + "-" + (shot++) + path.replaceAll("[^a-z]+", "-"));
                }
            }
        }
    }

    /** Whether the texts appear in this order. */
    private static boolean order(String text, String... inOrder) {
        int at = -1;
        for (String s : inOrder) {
            int next = text.indexOf(s);
            if (next <= at) {
                return false;
            }
            at = next;
        }
        return true;
    }

    /** Thymeleaf shows a missing message as ??key_locale??. */
    private static void noMissingMessages(Page page) {
        assertThat(page.locator("body").innerText()).doesNotContain("??");
    }
}
