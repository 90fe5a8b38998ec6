package io.seatwise.users;

import java.time.Duration;
import java.util.List;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's users list says "about N" while the API's page says its total is an estimate. */
@H2Test
class UsersListEstimateConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ConsoleFixtures fixtures;
    @Autowired
    LicensingFixture licensing;
    @Autowired
    LicensingService service;

    @Test
    void anEstimatedTotalReadsAbout(@Autowired UserListQuery query) throws Exception {
        Tenant t = licensing.tenant("SE", E3, 5);
        List<UserId> users = t.users(3, "SE");
        SystemActor.run(() -> service.apply(t.id(), new Selection.UserIds(List.of(users.get(0))),
                LicensingFixture.assign(E3)));
        Duration before = query.slowCount(Duration.ZERO);
        try {
            list(t, "filter=unlicensed").andExpect(content().string(allOf(
                    containsString("Page 1 of 1 · 2 in all"), containsString("Select all 2 matching users"))));

            SystemActor.run(() -> service.apply(t.id(), new Selection.UserIds(List.of(users.get(1))),
                    LicensingFixture.assign(E3)));

            list(t, "filter=unlicensed").andExpect(content().string(allOf(
                    containsString("Page 1 of about 1 · about 2 in all"),
                    containsString("Select all (about 2) matching users"))));
        } finally {
            query.slowCount(before);
        }
    }

    private ResultActions list(Tenant t, String query) throws Exception {
        return mvc.perform(get("/customers/" + t.id() + "/users?" + query).with(fixtures.as(Role.SALES)))
                .andExpect(status().isOk());
    }
}
