package io.seatwise.browser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.customers.Customer;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.users.NewUser;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console page an Admin agent can reach by following links (from the customers list, over a customer with
 * users, licenses, a license change and a deleted user) in a real browser: each form control has a name a screen
 * reader can say (a label, aria-label or aria-labelledby; a button its text), the page has a language and a
 * heading, and no image lacks its text. A screenshot of each page is saved.
 */
class LabelsBrowserTest extends BrowserTestSupport {

    /** Links not to follow: leaving, downloads, the language switch, anchors, static files. */
    private static final Pattern SKIP = Pattern.compile("logout|signout|\\.csv|/template|/download|/export|lang=|^#"
            + "|/webjars/|/css/|/js/");
    private static final int MAX_PAGES = 120;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * A page's kind: its path with ids as {id} and its query's parameter names. Each kind is looked at once, so the
     * crawl reaches every kind of page rather than the hundredth agent or the tenth page of a list.
     */
    static String kind(String path) {
        int q = path.indexOf('?');
        String route = ID.matcher(q < 0 ? path : path.substring(0, q)).replaceAll("{id}");
        if (q < 0) {
            return route;
        }
        return route + "?" + java.util.Arrays.stream(path.substring(q + 1).split("&"))
                .map(p -> p.split("=", 2)[0]).sorted().distinct().collect(java.util.stream.Collectors.joining("&"));
    }

    /** The controls of the page that nothing names, as the start of their HTML. */
    private static final String UNNAMED = """
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
              .filter(e => e.offsetParent !== null || e.getClientRects().length > 0)
              .filter(e => {
                const label = e.labels && [...e.labels].some(l => l.textContent.trim() !== '');
                const aria = (e.getAttribute('aria-label') || '').trim() !== ''
                  || (e.getAttribute('aria-labelledby') || '').split(' ').some(id => {
                       const t = id && document.getElementById(id); return t && t.textContent.trim() !== ''; });
                const text = e.tagName === 'BUTTON' && e.textContent.trim() !== '';
                const value = (e.type === 'submit' || e.type === 'button') && (e.value || '').trim() !== '';
                return !(label || aria || text || value);
              })
              .map(e => e.outerHTML.slice(0, 160))
            """;

    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    TestAgents agents;
    @Autowired
    UsersService users;
    @Autowired
    LicensingService licensing;

    @Test
    void everyControlOfEveryPageHasAName() {
        Customer customer = fixtures.customerWithE3("Labelled", 5);
        List<UserId> created = new ArrayList<>();
        for (String name : List.of("Adele Vance", "Ольга Иванова", "王芳")) {
            String upn = "u" + created.size() + "@" + customer.domains().get(0);
            created.add(SystemActor.call(() -> users.create(customer.id(), new NewUser(upn, null, null, name, "SE",
                    null), List.of()).user().id()));
        }
        java.util.UUID change = SystemActor.call(() -> licensing.apply(customer.id(),
                new Selection.UserIds(created.subList(0, 2)),
                new LicenseChangeSpec(Map.of(ConsoleFixtures.E3, Set.of()), Set.of()))).id();
        SystemActor.run(() -> users.delete(customer.id(), created.get(2)));
        TestAgents.Signed admin = agents.create(Role.ADMIN);

        Map<String, List<String>> problems = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        try (BrowserContext context = context("en-US")) {
            Page page = context.newPage();
            signIn(page, admin);
            String c = "/customers/" + customer.id();
            Deque<String> queue = new ArrayDeque<>(List.of("/customers", c + "/users",
                    c + "/licensechanges/" + change, c + "/licensechanges", "/activity", "/agents", "/account/tokens",
                    c + "/subscriptions/" + ConsoleFixtures.E3 + "/buy-more?quantity=2",
                    c + "/users/" + created.get(0) + "/reset-password", c + "/users/" + created.get(0) + "/delete",
                    c + "/users/import", c + "/users/deleted/restore?userIds=" + created.get(2)));
            Set<String> kinds = new LinkedHashSet<>();
            while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
                String path = queue.poll();
                if (seen.contains(path) || !kinds.add(kind(path))) {
                    continue;
                }
                Response response = page.navigate(base() + path);
                if (response == null || response.status() != 200
                        || !response.headerValue("content-type").startsWith("text/html")) {
                    continue;
                }
                seen.add(path);
                List<String> wrong = new ArrayList<>();
                @SuppressWarnings("unchecked")
                List<String> unnamed = (List<String>) page.evaluate(UNNAMED);
                unnamed.forEach(html -> wrong.add("control without a name: " + html));
                if (((String) page.evaluate("() => document.documentElement.lang")).isBlank()) {
                    wrong.add("no lang on <html>");
                }
                if (page.locator("h1, h2").count() == 0) {
                    wrong.add("no heading");
                }
                if (page.locator("img:not([alt])").count() > 0) {
                    wrong.add("an image without alt text");
                }
                if (!wrong.isEmpty()) {
                    problems.put(path, wrong);
                }
                screenshot(page, String.format("%02d", seen.size()) + path.replaceAll("[^A-Za-z0-9]+", "-")
                        .replaceAll("-[0-9a-f]{8}-[0-9a-f-]{27}", "-id"));
                @SuppressWarnings("unchecked")
                List<String> links = (List<String>) page.evaluate(
                        "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");
                for (String href : links) {
                    // Other tests' customers share this database: only this customer's pages are followed.
                    boolean ours = !href.startsWith("/customers/") || href.startsWith("/customers/" + customer.id());
                    if (ours && href.startsWith("/") && !href.startsWith("//") && !SKIP.matcher(href).find()
                            && !seen.contains(href)) {
                        queue.add(href);
                    }
                }
            }
        }
        assertThat(seen).as("pages visited").hasSizeGreaterThan(25)
                .anyMatch(p -> p.contains("/licensechanges/"))
                .anyMatch(p -> p.endsWith("/licensechanges"))
                .anyMatch(p -> p.endsWith("/users/deleted"))
                .anyMatch(p -> p.endsWith("/users/new"))
                .anyMatch(p -> p.endsWith("/users/import"))
                .anyMatch(p -> p.endsWith("/reset-password"))
                .anyMatch(p -> p.endsWith("/delete"))
                .anyMatch(p -> p.contains("/buy-more"))
                .anyMatch(p -> p.contains("/restore"));
        assertThat(problems).as("pages with unnamed controls or other gaps").isEmpty();
    }
}
