package io.seatwise.users;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.JsonPath;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.seatwise.licensing.LicensingFixture.AUDIO_CONFERENCING;
import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The same filter words select the same users in the users list (API and console) and in a license change by
 * filter ({@code POST …/licenseupdates}, {@code …/licensesummary}); on H2 and PostgreSQL.
 */
abstract class FilterWordsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAgents agents;
    @Autowired
    ConsoleFixtures console;
    @Autowired
    LicensingFixture fixture;
    @Autowired
    LicensingService licensing;
    @Autowired
    UsersService users;

    TestAgents.Signed agent;
    Tenant t;
    UserId both;
    UserId e3Only;
    UserId none;
    UserId deleted;

    @BeforeEach
    void givenUsersWithBothProductsWithOneAndWithNone() {
        agent = agents.create(Role.HELPDESK);
        t = fixture.tenant("SE", E3, 10, AUDIO_CONFERENCING, 10);
        both = t.user("SE");
        e3Only = t.user("SE");
        none = t.user("SE");
        deleted = t.user("SE");
        SystemActor.run(() -> {
            licensing.apply(t.id(), new Selection.UserIds(List.of(both, e3Only, deleted)),
                    LicensingFixture.assign(E3));
            licensing.apply(t.id(), new Selection.UserIds(List.of(both)), LicensingFixture.assign(AUDIO_CONFERENCING));
        });
        // Deleted as the console deletes (its licenses suspended, holding no seat).
        SystemActor.run(() -> users.delete(t.id(), deleted));
    }

    @Test
    void licensedAndUnlicensedWithAProductMeanHasAndLacksItInAChangeByFilterAsInTheList() throws Exception {
        assertThat(changedBy("unlicensed", AUDIO_CONFERENCING.toString())).containsExactlyInAnyOrderElementsOf(
                ids(e3Only, none));
        assertThat(changedBy("licensed", AUDIO_CONFERENCING.toString())).containsExactlyInAnyOrderElementsOf(
                ids(both));
        assertThat(summarised("unlicensed", AUDIO_CONFERENCING.toString())).isEqualTo(2);
        assertThat(summarised("licensed", AUDIO_CONFERENCING.toString())).isEqualTo(1);
    }

    @Test
    void everyFilterSelectsInAChangeTheUsersTheListShows() throws Exception {
        String ac = AUDIO_CONFERENCING.toString();
        String e3 = E3.toString();
        List<String[]> words = List.of(new String[] {"all", null}, new String[] {"licensed", null},
                new String[] {"unlicensed", null}, new String[] {"licensed", ac}, new String[] {"unlicensed", ac},
                new String[] {"licensed", e3}, new String[] {"unlicensed", e3}, new String[] {"hasProduct", ac},
                new String[] {"lacksProduct", ac}, new String[] {"admins", null}, new String[] {"all", ac});
        for (String[] w : words) {
            Set<String> listed = listed(w[0], w[1]);
            assertThat(changedBy(w[0], w[1])).as("filter=%s sku=%s", w[0], w[1]).isEqualTo(listed);
            assertThat(summarised(w[0], w[1])).as("filter=%s sku=%s", w[0], w[1]).isEqualTo(listed.size());
            assertThat(shownInTheConsole(w[0], w[1])).as("filter=%s sku=%s", w[0], w[1]).isEqualTo(listed);
        }
    }

    Set<String> ids(UserId... users) {
        Set<String> ids = new TreeSet<>();
        for (UserId u : users) {
            ids.add(u.toString());
        }
        return ids;
    }

    /** The users the API's list shows for the words. */
    Set<String> listed(String filter, String sku) throws Exception {
        String body = mvc.perform(get("/api/v1/customers/" + t.id() + "/users").param("filter", filter)
                        .param("sku", sku == null ? "" : sku).header("Authorization", agent.bearer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new TreeSet<>(JsonPath.<List<String>>read(body, "$.items[*].id"));
    }

    /** The users a previewed change by filter, in the same words, would touch. */
    Set<String> changedBy(String filter, String sku) throws Exception {
        String body = mvc.perform(post("/api/v1/customers/" + t.id() + "/licenseupdates?preview=true")
                        .header("Authorization", agent.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filter\": {\"type\": \"" + filter + "\""
                                + (sku == null ? "" : ", \"skuId\": \"" + sku + "\"") + "}, \"licensesToRemove\": [\""
                                + AUDIO_CONFERENCING + "\"]}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new TreeSet<>(JsonPath.<List<String>>read(body, "$.results[*].userId"));
    }

    /** How many users the licensing summary by filter, in the same words, counts. */
    int summarised(String filter, String sku) throws Exception {
        String body = mvc.perform(post("/api/v1/customers/" + t.id() + "/licensesummary")
                        .header("Authorization", agent.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"filter\": {\"type\": \"" + filter + "\""
                                + (sku == null ? "" : ", \"skuId\": \"" + sku + "\"") + "}}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.selectedUsers")).intValue();
    }

    /** The users whose selection boxes the console's list shows for the words. */
    Set<String> shownInTheConsole(String filter, String sku) throws Exception {
        String html = mvc.perform(get("/customers/" + t.id() + "/users").param("filter", filter)
                        .param("sku", sku == null ? "" : sku).with(console.as(Role.HELPDESK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Set<String> shown = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"pageIds\" value=\"([0-9a-f-]{36})\"")
                .matcher(html);
        while (m.find()) {
            shown.add(m.group(1));
        }
        return shown;
    }
}
