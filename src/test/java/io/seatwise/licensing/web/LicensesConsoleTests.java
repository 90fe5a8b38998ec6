package io.seatwise.licensing.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.Polling;
import io.seatwise.users.SelectedUsers;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The users list's selection, Manage licenses, its preview and Licenses updated with CSV and undo, through the
 * console's forms: bad input gets a message and changes nothing, never a 500.
 */
abstract class LicensesConsoleTests {

    private static final Pattern CHANGE = Pattern.compile("/licensechanges/([0-9a-f-]{36})$");

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    LicensingFixture licensing;
    @Autowired
    LicensingService service;
    @Autowired
    JdbcClient jdbc;

    Tenant t;
    List<UserId> users;
    MockHttpSession session;
    UserDetails sales;

    @BeforeEach
    void givenACustomerWithUsers() {
        t = licensing.tenant("SE", E3, 5);
        users = t.users(30, "SE");
        session = new MockHttpSession();
        sales = fixtures.principal(Role.SALES);
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.session(session).with(user(sales)).with(csrf());
    }

    String base() {
        return "/customers/" + t.id() + "/users";
    }

    void pick(List<UserId> page, List<UserId> checked) throws Exception {
        var request = as(post(base() + "/selection"));
        page.forEach(u -> request.param("pageIds", u.toString()));
        checked.forEach(u -> request.param("userIds", u.toString()));
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    SelectedUsers selection() {
        return SelectedUsers.in(session, t.id());
    }

    @Test
    void aSelectionSurvivesPagingAndTheSelectedViewListsOnlyIt() throws Exception {
        // Given users picked on two pages
        pick(users.subList(0, 25), List.of(users.get(0), users.get(1)));
        pick(users.subList(25, 30), List.of(users.get(27)));

        // Then the list says 3 are selected, on any page, and checks them
        mvc.perform(as(get(base()).param("size", "25").param("page", "1"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("3 selected"),
                        containsString("Selected users (3)"), containsString("Page 2 of 2 · 30 in all"),
                        containsString("Select all 30 matching users"))));
        // ... and the Selected users view lists only them, each with a way to take it out
        mvc.perform(as(get(base()).param("view", "selected"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("First1 Last1"), containsString("First28 Last28"),
                        not(containsString("First3 Last3")), containsString("Remove First2 Last2 from the selection"),
                        containsString("Page 1 of 1 · 3 in all"))));

        // When one is removed and a page is unticked
        mvc.perform(as(post(base() + "/selection")).param("remove", users.get(1).toString()).param("view", "selected"))
                .andExpect(redirectedUrl(base() + "?view=selected"));
        assertThat(selection().ids()).containsExactlyInAnyOrder(users.get(0), users.get(27));
        pick(users.subList(0, 25), List.of());
        assertThat(selection().ids()).containsExactly(users.get(27));
    }

    @Test
    void theHeaderCheckboxTakesOrLeavesTheWholePageOnlyWhenItChanged() throws Exception {
        List<UserId> page = users.subList(0, 25);
        var all = as(post(base() + "/selection")).param("wholePage", "true").param("pageWas", "none");
        page.forEach(u -> all.param("pageIds", u.toString()));
        mvc.perform(all).andExpect(status().is3xxRedirection());
        assertThat(selection().size()).isEqualTo(25);

        // Without script the header stays checked while one row is unticked: the row wins
        var one = as(post(base() + "/selection")).param("wholePage", "true").param("pageWas", "all");
        page.forEach(u -> one.param("pageIds", u.toString()));
        page.subList(1, 25).forEach(u -> one.param("userIds", u.toString()));
        mvc.perform(one).andExpect(status().is3xxRedirection());
        assertThat(selection().size()).isEqualTo(24);
        assertThat(selection().contains(users.get(0).value())).isFalse();
    }

    @Test
    void selectAllMatchingKeepsTheFilterNotTheIds() throws Exception {
        mvc.perform(as(post(base() + "/selection")).param("action", "matching").param("q", "First1"))
                .andExpect(redirectedUrl(base() + "?q=First1"));

        assertThat(selection().isMatching()).isTrue();
        assertThat(selection().size()).isZero();
        // First1, First10 … First19
        mvc.perform(as(get(base()))).andExpect(content().string(allOf(containsString("11 selected"),
                containsString("All 11 users that match the filter are selected"))));

        // Manage licenses counts the filter's users, and names them as chips
        mvc.perform(as(get(base() + "/licenses"))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Selected users (11)"), containsString("First19 Last19"),
                containsString("5 of 5 available"))));

        // Picking one by one turns it into those 11 users; clearing empties it
        mvc.perform(as(post(base() + "/selection")).param("action", "pick")).andExpect(status().is3xxRedirection());
        assertThat(selection().size()).isEqualTo(11);
        mvc.perform(as(post(base() + "/selection")).param("action", "clear")).andExpect(status().is3xxRedirection());
        assertThat(selection().isEmpty()).isTrue();
    }

    @Test
    void manageLicensesShowsAProductPartlyHeldAsMixed() throws Exception {
        SystemActor.run(() -> service.apply(t.id(), new Selection.UserIds(List.of(users.get(0))),
                LicensingFixture.assign(E3)));
        pick(users.subList(0, 25), List.of(users.get(0), users.get(1)));

        mvc.perform(as(get(base() + "/licenses"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Selected users (2)"),
                        containsString("data-indeterminate=\"true\""), containsString("aria-checked=\"mixed\""),
                        containsString("Assigned (1)"), containsString("4 of 5 available"),
                        containsString("name=\"keep\""), containsString("View service plans"))));
        // The Assigned list pages by itself: a fragment for htmx, a page otherwise
        mvc.perform(as(get(base() + "/licenses/holders")).param("sku", E3.toString()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("id=\"holders-" + E3 + "\""), containsString("First1 Last1"),
                        not(containsString("First2 Last2")), not(containsString("<html")))));
        mvc.perform(as(get(base() + "/licenses/holders")).param("sku", E3.toString()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("<html"),
                        containsString("Selected users with Microsoft 365 E3"))));
    }

    @Test
    void previewThenSaveThenUndoOnceAndCsv() throws Exception {
        pick(users.subList(0, 25), List.of(users.get(0), users.get(1)));

        mvc.perform(as(post(base() + "/licenses/preview")).param("products", E3.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2 selected users: 2 will succeed, 0 will fail."),
                        containsString("Gets Microsoft 365 E3."), containsString("First1 Last1"))));
        assertThat(t.assigned(E3)).isZero();

        String location = mvc.perform(as(post(base() + "/licenses/apply")).param("selection", selection().fingerprint()).param("assign", E3.toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Matcher m = CHANGE.matcher(location);
        assertThat(m.find()).as(location).isTrue();
        String change = "/customers/" + t.id() + "/licensechanges/" + m.group(1);
        assertThat(t.assigned(E3)).isEqualTo(2);

        mvc.perform(as(get(change))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Licenses updated"), containsString("Licenses now: Microsoft 365 E3."),
                containsString("results.csv"), containsString("/undo"))));
        String csv = mvc.perform(as(get(change + "/results.csv"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("license-change-")))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("User id,User name,Display name,Status,Why it failed,Licenses")
                .contains("First1 Last1").contains(",Succeeded,,Microsoft 365 E3");
        String french = mvc.perform(as(get(change + "/results.csv")).header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(french).contains("ID d’utilisateur,Nom d’utilisateur,").contains(",Réussi,,Microsoft 365 E3");

        mvc.perform(as(get(change + "/undo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Undo the change")));
        mvc.perform(as(post(change + "/undo"))).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "The change was undone: 2 users reverted, 0 could not be."));
        assertThat(t.assigned(E3)).isZero();

        mvc.perform(as(post(change + "/undo"))).andExpect(redirectedUrl(change))
                .andExpect(flash().attribute("problem", "This change was already undone; it cannot be undone twice."));
        // Both are listed, newest first, under License changes, each leading back to its confirmation
        String history = mvc.perform(as(get("/customers/" + t.id() + "/licensechanges"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(history).contains("Assigned: Microsoft 365 E3").contains(">Undo<").contains(">Undone<")
                .contains("href=\"" + change + "\"");
        assertThat(history.indexOf(">Undo<")).isLessThan(history.indexOf(">Undone<"));
        mvc.perform(as(get(base()))).andExpect(content().string(containsString(
                "href=\"/customers/" + t.id() + "/licensechanges\"")));
        mvc.perform(as(get(change + "/undo"))).andExpect(redirectedUrl(change));
        assertThat(t.assigned(E3)).isZero();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    /** Follows a license job's page until it leads elsewhere; answers where. */
    String followJob(String job) {
        return Polling.atMost(Duration.ofSeconds(60)).alias("the job " + job + " to end").until(() -> {
            var response = mvc.perform(as(get(job))).andReturn().getResponse();
            if (response.getRedirectedUrl() == null) {
                assertThat(response.getStatus()).isEqualTo(200);
            }
            return response.getRedirectedUrl();
        }, Objects::nonNull);
    }

    @Test
    void aLargeChangeAndItsUndoRunAsJobsWhosePagesLeadToLicensesUpdated() throws Exception {
        // Given the console runs changes of more than one user in the background
        Object background = context.getBean("licenseBackground");
        Long before = org.springframework.test.util.ReflectionTestUtils.invokeMethod(background, "setAbove", 1L);
        try {
            pick(users.subList(0, 25), List.of(users.get(0), users.get(1)));
            mvc.perform(as(post(base() + "/licenses/preview")).param("products", E3.toString()))
                    .andExpect(status().isOk());

            // When it is saved, the answer is the job's page, which shows it going on
            String job = mvc.perform(as(post(base() + "/licenses/apply")).param("selection", selection().fingerprint())
                            .param("assign", E3.toString()))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            assertThat(job).startsWith("/customers/" + t.id() + "/licensejobs/");
            mvc.perform(as(get(job + "/progress")).header("HX-Request", "true")).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"license-job\"")));

            // Then it leads to Licenses updated, with every user's result
            String change = followJob(job);
            assertThat(change).startsWith("/customers/" + t.id() + "/licensechanges/");
            mvc.perform(as(get(change))).andExpect(status().isOk()).andExpect(content().string(allOf(
                    containsString("2 users: 2 succeeded, 0 failed"), containsString("Licenses now: Microsoft 365 E3."))));
            assertThat(t.assigned(E3)).isEqualTo(2);

            // And its undo goes the same way, back to the change with the result said
            String undo = mvc.perform(as(post(change + "/undo"))).andExpect(status().is3xxRedirection())
                    .andReturn().getResponse().getRedirectedUrl();
            assertThat(undo).startsWith("/customers/" + t.id() + "/licensejobs/");
            var done = Polling.atMost(Duration.ofSeconds(60)).until(() -> mvc.perform(as(get(undo))).andReturn(),
                    result -> result.getResponse().getRedirectedUrl() != null);
            assertThat(done.getFlashMap().get("success"))
                    .isEqualTo("The change was undone: 2 users reverted, 0 could not be.");
            assertThat(t.assigned(E3)).isZero();
            // Another agent finds no such job
            mvc.perform(get(job).with(fixtures.as(Role.HELPDESK)))
                    .andExpect(status().isNotFound());
        } finally {
            org.springframework.test.util.ReflectionTestUtils.invokeMethod(background, "setAbove", before);
        }
    }

    @Test
    void aUserThatCannotHaveTheLicenseFailsAloneAndTheWordsSayWhy() throws Exception {
        UserId nowhere = t.userWithoutLocation();
        pick(List.of(users.get(0), nowhere), List.of(users.get(0), nowhere));

        mvc.perform(as(post(base() + "/licenses/preview")).param("products", E3.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2 selected users: 1 will succeed, 1 will fail."),
                        containsString("The user has no usage location: set one first."))));
        String location = mvc.perform(as(post(base() + "/licenses/apply")).param("selection", selection().fingerprint()).param("assign", E3.toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(as(get(location))).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("2 users: 1 succeeded, 1 failed"), containsString("Failed"),
                containsString("The user has no usage location: set one first."),
                containsString("Licenses now: Microsoft 365 E3."))));
        assertThat(t.assigned(E3)).isEqualTo(1);
    }

    @Test
    void aSaveForASelectionChangedSinceThePreviewIsRefused() throws Exception {
        pick(users.subList(0, 25), List.of(users.get(0)));
        String previewed = selection().fingerprint();
        mvc.perform(as(post(base() + "/licenses/preview")).param("products", E3.toString()))
                .andExpect(content().string(containsString("name=\"selection\" value=\"" + previewed + "\"")));
        pick(users.subList(0, 25), List.of(users.get(0), users.get(1)));

        mvc.perform(as(post(base() + "/licenses/apply")).param("selection", previewed).param("assign", E3.toString()))
                .andExpect(redirectedUrl(base() + "/licenses"))
                .andExpect(flash().attribute("error", containsString("The selection changed since the preview")));
        assertThat(t.assigned(E3)).isZero();
    }

    @Test
    void tooFewSeatsDisablesSaveAndASaveAnywayChangesNothing() throws Exception {
        pick(users.subList(0, 25), users.subList(0, 7));
        int changes = t.changes();

        mvc.perform(as(post(base() + "/licenses/preview")).param("products", E3.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("2 missing"),
                        containsString("Cannot save: Microsoft 365 E3 needs 7 licenses, 5 available (2 missing)."),
                        containsString("disabled"), containsString("buy-more?quantity=2&amp;returnTo=/customers/"
                                + t.id() + "/users/licenses\""))));

        mvc.perform(as(post(base() + "/licenses/apply")).param("selection", selection().fingerprint()).param("assign", E3.toString()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Nothing was changed. Microsoft 365 E3 needs 7")));
        assertThat(t.assigned(E3)).isZero();
        assertThat(t.changes()).isEqualTo(changes);
    }

    @Test
    void badInputGetsAMessageNotAFailure() throws Exception {
        pick(users.subList(0, 25), List.of(users.get(0)));

        mvc.perform(as(post(base() + "/licenses/preview"))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing to change")));
        mvc.perform(as(post(base() + "/licenses/apply")).param("selection", selection().fingerprint()).param("assign", "not-a-product"))
                .andExpect(status().isBadRequest());
        mvc.perform(as(post(base() + "/licenses/apply")).param("selection", selection().fingerprint()).param("assign", UUID.randomUUID().toString()))
                .andExpect(status().is4xxClientError());
        mvc.perform(as(post(base() + "/selection")).param("pageIds", "nonsense"))
                .andExpect(status().isBadRequest());
        mvc.perform(as(get("/customers/" + t.id() + "/licensechanges/" + UUID.randomUUID())))
                .andExpect(status().isNotFound());
        assertThat(t.assigned(E3)).isZero();
    }

    @Test
    void anotherCustomersUsersAndChangesAreNotReachable() throws Exception {
        Tenant other = licensing.tenant("SE", E3, 5);
        UserId stranger = other.user("SE");
        var change = SystemActor.call(() -> service.apply(other.id(), new Selection.UserIds(List.of(stranger)),
                LicensingFixture.assign(E3)));

        pick(List.of(stranger), List.of(stranger));
        assertThat(selection().isEmpty()).isTrue();
        String path = "/customers/" + t.id() + "/licensechanges/" + change.id();
        mvc.perform(as(get(path))).andExpect(status().isNotFound());
        mvc.perform(as(get(path + "/results.csv"))).andExpect(status().isNotFound());
        mvc.perform(as(post(path + "/undo"))).andExpect(status().isNotFound());
        assertThat(other.assigned(E3)).isEqualTo(1);
    }

    @Test
    void everyPageSpeaksEveryLanguage() throws Exception {
        pick(users.subList(0, 25), List.of(users.get(0), users.get(1)));
        String location = mvc.perform(as(post(base() + "/licenses/apply")).param("selection", selection().fingerprint()).param("assign", E3.toString()))
                .andReturn().getResponse().getRedirectedUrl();
        for (String lang : List.of("en", "fr", "ru", "zh_CN", "sv")) {
            for (String page : List.of(base() + "?view=selected&lang=" + lang, base() + "?lang=" + lang,
                    base() + "/licenses?lang=" + lang, location + "?lang=" + lang)) {
                mvc.perform(as(get(page))).andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("??"))));
            }
            mvc.perform(as(post(base() + "/licenses/preview")).param("lang", lang).param("products", E3.toString())
                    .param("keep", E3.toString())).andExpect(content().string(not(containsString("??"))));
        }
    }

    @Test
    void withNothingSelectedManageLicensesSaysSo() throws Exception {
        mvc.perform(as(get(base() + "/licenses"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("No users are selected.")));
        mvc.perform(as(post(base() + "/licenses/apply")).param("selection", selection().fingerprint()).param("assign", E3.toString()))
                .andExpect(redirectedUrl(base() + "/licenses"));
    }

    @Test
    void buyMoreFromManageLicensesReturnsThereOnlyToALocalPath() throws Exception {
        String back = base() + "/licenses";
        String buy = "/customers/" + t.id() + "/subscriptions/" + E3 + "/buy-more";
        mvc.perform(as(get(buy)).param("quantity", "2").param("returnTo", back)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"returnTo\" value=\"" + back + "\"")));
        mvc.perform(as(post(buy)).param("quantity", "2").param("returnTo", back)).andExpect(redirectedUrl(back));
        mvc.perform(as(post(buy)).param("quantity", "1").param("returnTo", "//evil.example/x"))
                .andExpect(redirectedUrl("/customers/" + t.id()));
        // Braces would be URI template variables to a redirect: refused like any other odd path, after the purchase
        mvc.perform(as(post(buy)).param("quantity", "1").param("returnTo", "/customers/{x}"))
                .andExpect(redirectedUrl("/customers/" + t.id()));
        mvc.perform(as(post(buy)).param("quantity", "1").param("returnTo", "/customers/%7Bx%7D"))
                .andExpect(redirectedUrl("/customers/" + t.id()));
        assertThat(jdbc.sql("SELECT quantity FROM subscription WHERE customer_id = ? AND sku_id = ?")
                .param(t.id().value()).param(E3.value()).query(Integer.class).single()).isEqualTo(10);
    }

    @Test
    void aProductWithoutFreeSeatsOffersBuyMoreForTheUsersThatLackIt() throws Exception {
        t = licensing.tenant("SE", E3, 0);
        List<UserId> two = t.users(2, "SE");
        pick(two, two);
        mvc.perform(as(get(base() + "/licenses"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("0 of 0 available"),
                        containsString("/subscriptions/" + E3 + "/buy-more?quantity=2&amp;returnTo=/customers/"
                                + t.id() + "/users/licenses\""))));
    }

    @Test
    void helpdeskManagesLicensesButIsNotOfferedBuyMore() throws Exception {
        t = licensing.tenant("SE", E3, 0);
        UserId one = t.user("SE");
        sales = fixtures.principal(Role.HELPDESK);
        pick(List.of(one), List.of(one));
        mvc.perform(as(get(base() + "/licenses"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("0 of 0 available"), containsString("Preview"),
                        not(containsString("data-testid=\"buy-more\"")))));
    }
}
