package io.seatwise.users.web;

import java.util.List;

import io.seatwise.access.Role;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.ConsoleTestSupport;
import io.seatwise.support.H2Test;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A customer's Users tab: filter (deleted users included), search and sort, as a page and as an htmx fragment. */
@H2Test
class UsersConsoleTests extends ConsoleTestSupport {

    Tenant t;

    @BeforeEach
    void givenTwoUsersAndADeletedOne() {
        t = licensing.tenant("SE", E3, 5);
        List<UserId> users = t.users(3, "SE");
        t.delete(users.get(2));
    }

    ResultActions tab(String query) throws Exception {
        return mvc.perform(get("/customers/" + t.id() + "/users?" + query).with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isOk());
    }

    @Test
    void theFilterOffersEveryListIncludingDeletedUsers() throws Exception {
        tab("").andExpect(content().string(allOf(containsString("First1 Last1"), containsString("First2 Last2"),
                not(containsString("First3 Last3")), containsString("Page 1 of 1 · 2 in all"),
                containsString("<option value=\"deleted\">Deleted users</option>"),
                containsString("Administrators"), containsString("Sign-in blocked"),
                containsString("Microsoft 365 E3"))));

        tab("filter=deleted").andExpect(content().string(allOf(containsString("First3 Last3"),
                not(containsString("First1 Last1")), containsString("Page 1 of 1 · 1 in all"),
                containsString("<option value=\"deleted\" selected=\"selected\">Deleted users</option>"),
                // Paging keeps the filter.
                containsString("filter=deleted&amp;page=0&amp;size=10"))));
    }

    @Test
    void nextAndPreviousSeekFromTheEdgeOfThePageInsteadOfSkipping() throws Exception {
        // Given 12 users more, pages of 5 in name order
        t.users(12, "SE");
        String first = tab("size=25&sort=displayName").andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("/users/([0-9a-f-]{36})\"").matcher(first);
        List<String> ids = new java.util.ArrayList<>();
        while (names.find()) {
            if (!ids.contains(names.group(1))) {
                ids.add(names.group(1));
            }
        }
        assertThat(ids).hasSize(14);

        // Next on page 1 names the last user of the page; Previous on page 2 the first user of that page
        String page1 = tab("size=5&sort=displayName").andReturn().getResponse().getContentAsString();
        assertThat(page1).contains("sort=displayName&amp;page=1&amp;size=5&amp;after=" + ids.get(4));
        String page2 = tab("sort=displayName&page=1&size=5&after=" + ids.get(4)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page2).contains("Page 2 of 3").contains("/users/" + ids.get(5) + "\"")
                .contains("/users/" + ids.get(9) + "\"").doesNotContain("/users/" + ids.get(4) + "\"")
                .contains("page=0&amp;size=5&amp;before=" + ids.get(5))
                .contains("page=2&amp;size=5&amp;after=" + ids.get(9));
        // First, Last and the page sizes drop the anchor
        assertThat(page2).contains("sort=displayName&amp;page=0&amp;size=5\"")
                .contains("sort=displayName&amp;page=2&amp;size=5\"");
        // A malformed anchor is ignored: the page number is used
        tab("sort=displayName&page=1&size=5&after=nonsense").andExpect(content().string(allOf(
                containsString("/users/" + ids.get(5) + "\""), not(containsString("/users/" + ids.get(4) + "\"")))));
    }

    @Test
    void searchAndSortNarrowAndOrderTheList() throws Exception {
        tab("q=FIRST2").andExpect(content().string(allOf(containsString("First2 Last2"),
                not(containsString("First1 Last1")))));
        tab("q=nobody").andExpect(content().string(containsString("No users match.")));
        tab("filter=licensed&sku=" + E3).andExpect(content().string(containsString("No users match.")));

        String descending = tab("sort=-displayName").andReturn().getResponse().getContentAsString();
        assertThat(descending.indexOf("First2 Last2")).isLessThan(descending.indexOf("First1 Last1"));
    }

    @Test
    void aFilterOrOrderThatDoesNotExistIsExplainedInTheLanguageOfThePage() throws Exception {
        mvc.perform(get("/customers/" + t.id() + "/users?filter=sometimes&lang=fr").with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Ce filtre de la liste des utilisateurs"),
                        not(containsString("unknown filter")))));
        mvc.perform(get("/customers/" + t.id() + "/users?sort=age&lang=ru").with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Так список пользователей упорядочить нельзя")));
        // Without a message of its own in the language, a bad request says so in general terms, not in English
        mvc.perform(get("/customers/" + t.id() + "/users?filter=hasProduct&lang=sv").with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("needs a skuId"))));
    }

    @Test
    void anHtmxFilterGetsOnlyTheResults() throws Exception {
        mvc.perform(get("/customers/" + t.id() + "/users").param("filter", "deleted").header("HX-Request", "true")
                        .with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(startsWith("<div id=\"user-results\""),
                        containsString("First3 Last3"), not(containsString("<html")))));
    }
}
