package io.seatwise.licensing.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.users.SelectedUsers;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.seatwise.licensing.LicensingFixture.DOMESTIC_CALLING;
import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.LicensingFixture.TEAMS_PHONE;
import static io.seatwise.licensing.LicensingFixture.assign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A conflict says which plans conflict, in which products, and the way out; a missing plan is named: in the
 * preview, on Licenses updated and in its CSV, in the page's language.
 */
abstract class LicenseFailureWordsConsoleTests {

    private static final String CONFLICT = "Exchange Online (Plan 1) in Exchange Online (Plan 1) conflicts with "
            + "Exchange Online (Plan 2) in Microsoft 365 E3: switch one of the two plans off.";
    private static final String MISSING = "Microsoft 365 Domestic Calling Plan in Skype for Business PSTN Domestic "
            + "Calling needs Microsoft 365 Phone Standard Resource Account or Microsoft 365 Phone System, which the "
            + "user does not have: assign a product with it in the same change.";

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    LicensingFixture licensing;
    @Autowired
    LicensingService service;
    @Autowired
    CatalogService catalog;

    MockHttpSession session;
    UserDetails helpdesk;

    @BeforeEach
    void signIn() {
        session = new MockHttpSession();
        helpdesk = fixtures.principal(Role.HELPDESK);
    }

    MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.session(session).with(user(helpdesk)).with(csrf());
    }

    void select(Tenant t, UserId user) throws Exception {
        mvc.perform(as(post("/customers/" + t.id() + "/users/selection")).param("pageIds", user.toString())
                .param("userIds", user.toString())).andExpect(status().is3xxRedirection());
    }

    /** The Manage licenses form with these products checked, every plan of them switched on. */
    MockHttpServletRequestBuilder checked(MockHttpServletRequestBuilder request, SkuId... products) {
        for (SkuId sku : products) {
            request.param("products", sku.toString());
            catalog.servicePlans(sku).forEach(p -> request.param("plans", sku + ":" + p.servicePlanId()));
        }
        return request;
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(request)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String selectionKey(Tenant t) {
        return SelectedUsers.in(session, t.id()).fingerprint();
    }

    @Test
    void aConflictAndAMissingPlanAreNamedInThePreviewLicensesUpdatedAndTheCsv() throws Exception {
        Tenant t = licensing.tenant("US", E3, 5, EXCHANGE_PLAN_1, 5, DOMESTIC_CALLING, 5);
        UserId user = t.user("US");
        SystemActor.run(() -> service.apply(t.id(), new Selection.UserIds(List.of(user)), assign(E3)));
        select(t, user);
        String base = "/customers/" + t.id() + "/users/licenses";

        String preview = page(checked(post(base + "/preview"), E3, EXCHANGE_PLAN_1, DOMESTIC_CALLING));
        assertThat(preview).contains("0 will succeed, 1 will fail.").contains(CONFLICT)
                .contains(MISSING);
        String french = page(checked(post(base + "/preview"), E3, EXCHANGE_PLAN_1).header("Accept-Language", "fr"));
        assertThat(french).contains("Exchange Online (Plan 1) dans Exchange Online (Plan 1) est en conflit avec "
                + "Exchange Online (Plan 2) dans Microsoft 365 E3 : désactivez l’un des deux plans.");

        String change = mvc.perform(as(post(base + "/apply")).param("selection", selectionKey(t))
                        .param("assign", EXCHANGE_PLAN_1.toString()).param("assign", DOMESTIC_CALLING.toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(change).contains("/licensechanges/");
        assertThat(page(get(change))).contains("0 succeeded, 1 failed").contains(CONFLICT).contains(MISSING);
        String csv = page(get(change + "/results.csv"));
        assertThat(csv).contains(CONFLICT).contains(MISSING);
        String swedish = page(get(change + "/results.csv").header("Accept-Language", "sv"));
        assertThat(swedish).contains("Exchange Online (Plan 1) i Exchange Online (Plan 1) krockar med Exchange Online "
                + "(Plan 2) i Microsoft 365 E3: stäng av en av de två planerna.")
                .contains("kräver Microsoft 365 Phone Standard Resource Account eller Microsoft 365 Phone System");
        assertThat(t.activeAssignments(EXCHANGE_PLAN_1)).isZero();
    }

    @Test
    void removingWhatAKeptPlanNeedsNamesThePlanAndTheProductItCameWith() throws Exception {
        Tenant t = licensing.tenant("US", TEAMS_PHONE, 5, DOMESTIC_CALLING, 5);
        UserId user = t.user("US");
        SystemActor.run(() -> service.apply(t.id(), new Selection.UserIds(List.of(user)),
                assign(TEAMS_PHONE, DOMESTIC_CALLING)));
        select(t, user);
        String base = "/customers/" + t.id() + "/users/licenses";
        String preview = page(checked(post(base + "/preview"), DOMESTIC_CALLING));
        String lost = "Microsoft 365 Domestic Calling Plan in Skype for Business PSTN Domestic Calling needs "
                + "Microsoft 365 Phone Standard Resource Account or Microsoft 365 Phone System, which the user would "
                + "lose with Microsoft Teams Phone Standard: keep it, or take Skype for Business PSTN Domestic "
                + "Calling away too.";
        assertThat(preview).contains("0 will succeed, 1 will fail.").contains(lost);

        String change = mvc.perform(as(post(base + "/apply")).param("selection", selectionKey(t))
                        .param("remove", TEAMS_PHONE.toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(page(get(change))).contains(lost);
        assertThat(page(get(change)).replace("&#39;", "'")).doesNotContain("A service plan of");
        assertThat(t.activeAssignments(TEAMS_PHONE)).isEqualTo(1);
    }
}
