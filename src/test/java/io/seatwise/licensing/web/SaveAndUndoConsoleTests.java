package io.seatwise.licensing.web;

import java.util.List;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.Selection;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Save says when nothing would happen, and a change that changed nothing offers no Undo: the console's preview and
 * Licenses updated; on H2 and PostgreSQL.
 */
abstract class SaveAndUndoConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    LicensingFixture licensing;
    @Autowired
    LicensingService service;

    Tenant t;
    UserId placed;
    UserId nowhere;
    MockHttpSession session;
    UserDetails sales;

    @BeforeEach
    void givenAUserWithAUsageLocationAndOneWithout() {
        t = licensing.tenant("SE", E3, 5);
        placed = t.user("SE");
        nowhere = t.userWithoutLocation();
        session = new MockHttpSession();
        sales = fixtures.principal(Role.SALES);
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.session(session).with(user(sales)).with(csrf());
    }

    String users() {
        return "/customers/" + t.id() + "/users";
    }

    void select(UserId... picked) throws Exception {
        var request = as(post(users() + "/selection"));
        for (UserId u : picked) {
            request.param("pageIds", u.toString()).param("userIds", u.toString());
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    String preview() throws Exception {
        return mvc.perform(as(post(users() + "/licenses/preview")).param("products", E3.toString()))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Save button's tag. */
    static String save(String html) {
        int at = html.indexOf("data-testid=\"save\"");
        assertThat(at).isPositive();
        return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
    }

    @Test
    void saveIsDisabledWithTheReasonWhenNoSelectedUserWouldSucceed() throws Exception {
        select(nowhere);

        String html = preview();

        assertThat(save(html)).contains("disabled").contains("aria-describedby=\"save-reason\"");
        assertThat(html).contains("data-testid=\"save-reason\"").contains(
                "Cannot save: none of the selected users would succeed; each user&#39;s line below says why.");
    }

    @Test
    void saveIsOfferedWhenSomeSelectedUserWouldSucceed() throws Exception {
        select(placed, nowhere);

        String html = preview();

        assertThat(save(html)).doesNotContain("disabled");
        assertThat(html).doesNotContain("data-testid=\"save-reason\"");
    }

    @Test
    void theReasonSpeaksThePagesLanguage() throws Exception {
        select(nowhere);

        String html = mvc.perform(as(post(users() + "/licenses/preview")).param("products", E3.toString())
                        .header("Accept-Language", "fr"))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html).contains("Enregistrement impossible : aucun des utilisateurs sélectionnés ne réussirait");
    }

    @Test
    void aChangeThatChangedNothingOffersNoUndo() throws Exception {
        LicenseChangeResult result = SystemActor.call(() -> service.apply(t.id(),
                new Selection.UserIds(List.of(nowhere)), LicensingFixture.assign(E3)));
        assertThat(result.succeeded()).isZero();
        String change = "/customers/" + t.id() + "/licensechanges/" + result.id();

        String html = mvc.perform(as(get(change))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("Licenses updated").doesNotContain("data-testid=\"undo\"");

        // Nor by its address: the confirmation and the undo itself say why and change nothing
        mvc.perform(as(get(change + "/undo"))).andExpect(redirectedUrl(change))
                .andExpect(flash().attribute("problem", "This change changed nothing, so there is nothing to undo."));
        int changes = t.changes();
        mvc.perform(as(post(change + "/undo"))).andExpect(redirectedUrl(change))
                .andExpect(flash().attribute("problem", "This change changed nothing, so there is nothing to undo."));
        assertThat(t.changes()).isEqualTo(changes);
    }

    @Test
    void aChangeEveryoneAlreadyHadOffersNoUndo() throws Exception {
        SystemActor.call(() -> service.apply(t.id(), new Selection.UserIds(List.of(placed)),
                LicensingFixture.assign(E3)));
        LicenseChangeResult again = SystemActor.call(() -> service.apply(t.id(),
                new Selection.UserIds(List.of(placed)), LicensingFixture.assign(E3)));
        assertThat(again.succeeded()).isEqualTo(1);
        assertThat(again.changed()).isZero();
        String change = "/customers/" + t.id() + "/licensechanges/" + again.id();

        String html = mvc.perform(as(get(change))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("Licenses updated").doesNotContain("data-testid=\"undo\"");
        int changes = t.changes();
        mvc.perform(as(post(change + "/undo"))).andExpect(redirectedUrl(change))
                .andExpect(flash().attribute("problem", "This change changed nothing, so there is nothing to undo."));
        assertThat(t.changes()).isEqualTo(changes);
    }

    @Test
    void aChangeThatChangedSomethingOffersUndo() throws Exception {
        LicenseChangeResult result = SystemActor.call(() -> service.apply(t.id(),
                new Selection.UserIds(List.of(placed, nowhere)), LicensingFixture.assign(E3)));

        mvc.perform(as(get("/customers/" + t.id() + "/licensechanges/" + result.id()))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("data-testid=\"undo\"")));
    }
}
