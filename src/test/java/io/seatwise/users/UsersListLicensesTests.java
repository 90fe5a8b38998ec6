package io.seatwise.users;

import java.util.List;

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
import org.springframework.test.web.servlet.MockMvc;

import static io.seatwise.licensing.LicensingFixture.AUDIO_CONFERENCING;
import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The users list shows each user's licenses: the console's Licenses column (products by name) and the API's
 * {@code licenses}, read once for the page; H2 and PostgreSQL.
 */
abstract class UsersListLicensesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    LicensingFixture licensing;
    @Autowired
    LicensingService service;
    @Autowired
    UsersService users;

    Tenant t;
    List<UserId> people;

    @BeforeEach
    void givenUsersWithTwoProductsOneAndNone() {
        t = licensing.tenant("SE", E3, 60, AUDIO_CONFERENCING, 60);
        people = t.users(3, "SE");
        SystemActor.run(() -> {
            service.apply(t.id(), new Selection.UserIds(people.subList(0, 2)), LicensingFixture.assign(E3));
            service.apply(t.id(), new Selection.UserIds(people.subList(0, 1)),
                    LicensingFixture.assign(AUDIO_CONFERENCING));
        });
    }

    @Test
    void eachUserShowsTheProductsItHoldsOrUnlicensed() throws Exception {
        String html = page("");

        assertThat(licensesOf(html, "First1 Last1"))
                .isEqualTo("Microsoft 365 Audio Conferencing, Microsoft 365 E3");
        assertThat(licensesOf(html, "First2 Last2")).isEqualTo("Microsoft 365 E3");
        assertThat(licensesOf(html, "First3 Last3")).isEqualTo("Unlicensed");
        assertThat(html).contains("<th scope=\"col\">Licenses</th>");
    }

    @Test
    void theColumnSpeaksThePagesLanguage() throws Exception {
        String html = mvc.perform(get("/customers/" + t.id() + "/users").header("Accept-Language", "sv")
                        .with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("<th scope=\"col\">Licenser</th>");
        assertThat(licensesOf(html, "First3 Last3")).isEqualTo("Olicensierad");
    }

    @Test
    void deletedUsersHaveNoLicensesColumn() throws Exception {
        SystemActor.run(() -> users.delete(t.id(), people.get(0)));

        String html = page("filter=deleted");

        assertThat(html).contains("First1 Last1").doesNotContain("data-testid=\"licenses\"")
                .doesNotContain("<th scope=\"col\">Licenses</th>");
    }

    @Test
    void aPageOfFiftyReadsTheLicensesOfAllItsUsersAtOnce() {
        List<UserId> many = t.users(57, "SE");
        SystemActor.run(() -> service.apply(t.id(), new Selection.UserIds(many), LicensingFixture.assign(E3)));

        var held = SystemActor.call(() -> users.licensedProducts(t.id(), many.subList(0, 50)));

        assertThat(held).hasSize(50).allSatisfy((user, skus) -> assertThat(skus).containsExactly(E3));
        assertThat(SystemActor.call(() -> users.licensedProducts(t.id(), List.of(people.get(2))))).isEmpty();
    }

    @Test
    void theApiListGivesEachUsersLicenses(@Autowired TestAgents agents) throws Exception {
        TestAgents.Signed helpdesk = agents.create(Role.HELPDESK);

        mvc.perform(get("/api/v1/customers/" + t.id() + "/users").header("Authorization", helpdesk.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + people.get(0) + "')].licenses[*]",
                        containsInAnyOrder(E3.toString(), AUDIO_CONFERENCING.toString())))
                .andExpect(jsonPath("$.items[?(@.id == '" + people.get(1) + "')].licenses[*]",
                        contains(E3.toString())))
                .andExpect(jsonPath("$.items[?(@.id == '" + people.get(2) + "')].licenses[*]", empty()));
        // A single user's answer is as before
        mvc.perform(get("/api/v1/customers/" + t.id() + "/users/" + people.get(0))
                        .header("Authorization", helpdesk.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.licenses").doesNotExist());
    }

    String page(String query) throws Exception {
        return mvc.perform(get("/customers/" + t.id() + "/users?" + query).with(fixtures.as(Role.HELPDESK)))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The text of the Licenses cell in the row of the user with this display name. */
    static String licensesOf(String html, String displayName) {
        int row = html.indexOf(">" + displayName + "</a>");
        assertThat(row).as(displayName).isPositive();
        int cell = html.indexOf("data-testid=\"licenses\"", row);
        int end = html.indexOf("</td>", cell);
        return html.substring(html.indexOf('>', cell) + 1, end).replaceAll("<[^>]+>", "").strip();
    }
}
