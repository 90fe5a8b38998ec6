package io.seatwise.users;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The users list: filters, search, sort and paging through the API; on H2 and PostgreSQL. */
abstract class UsersListTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAgents agents;
    @Autowired
    LicensingFixture fixture;
    @Autowired
    LicensingService licensing;
    @Autowired
    JdbcClient jdbc;

    TestAgents.Signed helpdesk;
    Tenant t;
    List<UserId> users;

    @BeforeEach
    void givenFiveUsersOneLicensedOneAdminOneBlockedOneDeleted() {
        helpdesk = agents.create(Role.HELPDESK);
        t = fixture.tenant("SE", E3, 5);
        users = t.users(5, "SE");
        SystemActor.run(() -> licensing.apply(t.id(), new Selection.UserIds(List.of(users.get(0))),
                new LicenseChangeSpec(Map.of(E3, Set.of()), Set.of())));
        jdbc.sql("UPDATE app_user SET directory_role = 'GLOBAL_ADMIN' WHERE customer_id = ? AND id = ?")
                .param(t.id().value()).param(users.get(1).value()).update();
        jdbc.sql("UPDATE app_user SET sign_in_blocked = TRUE WHERE customer_id = ? AND id = ?")
                .param(t.id().value()).param(users.get(2).value()).update();
        t.delete(users.get(4));
    }

    ResultActions list(String query) throws Exception {
        return mvc.perform(get("/api/v1/customers/" + t.id() + "/users?" + query)
                .header("Authorization", helpdesk.bearer()));
    }

    String id(int i) {
        return users.get(i).toString();
    }

    @Test
    void eachFilterListsItsUsersWithTheTotal() throws Exception {
        list("").andExpect(status().isOk()).andExpect(jsonPath("$.totalCount").value(4));
        list("filter=licensed").andExpect(jsonPath("$.items[*].id", contains(id(0))));
        list("filter=unlicensed").andExpect(jsonPath("$.totalCount").value(3));
        list("filter=licensed&sku=" + E3).andExpect(jsonPath("$.items[*].id", contains(id(0))));
        list("filter=unlicensed&sku=" + E3).andExpect(jsonPath("$.totalCount").value(3));
        list("filter=hasProduct&sku=" + E3).andExpect(jsonPath("$.items[*].id", contains(id(0))));
        list("filter=admins").andExpect(jsonPath("$.items[*].id", contains(id(1))));
        list("filter=blocked").andExpect(jsonPath("$.items[*].id", contains(id(2))));
        list("filter=deleted").andExpect(jsonPath("$.items[*].id", contains(id(4))));
    }

    @Test
    void searchSortAndPaging() throws Exception {
        list("search=first4").andExpect(jsonPath("$.items[*].id", contains(id(3))));
        list("search=USER2@").andExpect(jsonPath("$.items[*].id", contains(id(1))));
        list("sort=-userPrincipalName&size=2&page=0")
                .andExpect(jsonPath("$.totalCount").value(4))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items[*].id", contains(id(3), id(2))));
        list("sort=userPrincipalName&size=3&page=1")
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items[*].id", contains(id(3))));
        list("search=%").andExpect(jsonPath("$.totalCount").value(0));
        // Every page, read forwards or (past the middle) from the end, lists the users in the same order.
        list("sort=displayName&size=1&page=0").andExpect(jsonPath("$.items[*].id", contains(id(0))));
        list("sort=displayName&size=1&page=2").andExpect(jsonPath("$.items[*].id", contains(id(2))));
        list("sort=displayName&size=1&page=3").andExpect(jsonPath("$.items[*].id", contains(id(3))));
        list("sort=displayName&size=3&page=2").andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        list("filter=sometimes").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("filter.type"));
        list("sort=age").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("sort"));
        list("filter=licensed&sku=nope").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("sku"));
        list("size=100000").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("size"));
    }
}
