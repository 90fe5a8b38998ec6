package io.seatwise.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.support.Polling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

import static io.seatwise.licensing.LicensingFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;
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
    @Autowired
    UsersService usersService;
    @Autowired
    UserListChanges listChanges;
    @Autowired
    TransactionTemplate transaction;

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
        write("UPDATE app_user SET directory_role = 'GLOBAL_ADMIN' WHERE customer_id = ? AND id = ?", users.get(1));
        write("UPDATE app_user SET sign_in_blocked = TRUE WHERE customer_id = ? AND id = ?", users.get(2));
        t.delete(users.get(4));
    }

    /** A write behind the service's back, telling the list's counts as every writer must. */
    void write(String sql, UserId user) {
        transaction.executeWithoutResult(s -> {
            jdbc.sql(sql).param(t.id().value()).param(user.value()).update();
            listChanges.changed(t.id());
        });
    }

    @AfterEach
    void theKeptNumbersAreTheTablesNumbers() {
        Map<String, Object> kept = jdbc.sql("SELECT users, deleted FROM user_count WHERE customer_id = ?")
                .param(t.id().value()).query().singleRow();
        assertThat(((Number) kept.get("users")).longValue()).isEqualTo(count("IS NULL"));
        assertThat(((Number) kept.get("deleted")).longValue()).isEqualTo(count("IS NOT NULL"));
    }

    long count(String deleted) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ? AND deleted_at " + deleted)
                .param(t.id().value()).query(Long.class).single();
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
    void searchFindsNamesStartingWithTheText() throws Exception {
        // Starts with, not contains (Graph's startsWith, the admin centers' search): each name is an index range, so
        // a search in a million users reads only what it finds.
        list("search=first4").andExpect(jsonPath("$.items[*].id", contains(id(3))));
        list("search=LAST3").andExpect(jsonPath("$.items[*].id", contains(id(2))));
        list("search=First4 Last4").andExpect(jsonPath("$.items[*].id", contains(id(3))));
        list("search=USER2@").andExpect(jsonPath("$.items[*].id", contains(id(1))));
        list("search=irst4").andExpect(jsonPath("$.totalCount").value(0));
        list("search=example").andExpect(jsonPath("$.totalCount").value(0));
        list("search=first&filter=licensed").andExpect(jsonPath("$.items[*].id", contains(id(0))));
        list("search=first5&filter=deleted").andExpect(jsonPath("$.items[*].id", contains(id(4))));
        list("search=first_").andExpect(jsonPath("$.totalCount").value(0));
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

    @Test
    void theCountsFollowEveryChange() throws Exception {
        list("filter=licensed").andExpect(jsonPath("$.totalCount").value(1));
        list("filter=admins").andExpect(jsonPath("$.totalCount").value(1));
        list("search=first").andExpect(jsonPath("$.totalCount").value(4));

        list("filter=hasProduct&sku=" + E3).andExpect(jsonPath("$.totalCount").value(1));
        list("filter=lacksProduct&sku=" + E3).andExpect(jsonPath("$.totalCount").value(3));
        list("filter=hasProduct&sku=" + LicensingFixture.EXCHANGE_PLAN_1).andExpect(jsonPath("$.totalCount").value(0))
                .andExpect(jsonPath("$.items").isEmpty());
        list("filter=lacksProduct&sku=" + LicensingFixture.EXCHANGE_PLAN_1)
                .andExpect(jsonPath("$.totalCount").value(4));

        SystemActor.run(() -> licensing.apply(t.id(), new Selection.UserIds(List.of(users.get(3))),
                new LicenseChangeSpec(Map.of(E3, Set.of()), Set.of())));
        list("filter=licensed").andExpect(jsonPath("$.totalCount").value(2));
        list("filter=unlicensed").andExpect(jsonPath("$.totalCount").value(2));
        list("filter=hasProduct&sku=" + E3).andExpect(jsonPath("$.totalCount").value(2))
                .andExpect(jsonPath("$.items.length()").value(2));
        list("filter=lacksProduct&sku=" + E3).andExpect(jsonPath("$.totalCount").value(2))
                .andExpect(jsonPath("$.items.length()").value(2));
        // Deleted through the service, a user's licenses are suspended: no longer among those who have the product.
        UserId leaving = t.user("SE");
        SystemActor.run(() -> licensing.apply(t.id(), new Selection.UserIds(List.of(leaving)),
                new LicenseChangeSpec(Map.of(E3, Set.of()), Set.of())));
        list("filter=hasProduct&sku=" + E3).andExpect(jsonPath("$.totalCount").value(3));
        SystemActor.run(() -> usersService.delete(t.id(), leaving));
        list("filter=hasProduct&sku=" + E3).andExpect(jsonPath("$.totalCount").value(2));
        list("filter=lacksProduct&sku=" + E3).andExpect(jsonPath("$.totalCount").value(2));

        write("UPDATE app_user SET directory_role = 'USER_ADMIN' WHERE customer_id = ? AND id = ?", users.get(0));
        list("filter=admins").andExpect(jsonPath("$.totalCount").value(2));

        t.user("SE");
        list("").andExpect(jsonPath("$.totalCount").value(5));
        list("search=first").andExpect(jsonPath("$.totalCount").value(5));
        t.delete(users.get(3));
        list("").andExpect(jsonPath("$.totalCount").value(4));
        list("filter=deleted").andExpect(jsonPath("$.totalCount").value(3));
        list("filter=licensed").andExpect(jsonPath("$.totalCount").value(1));
    }

    /**
     * A filter whose count was slow is not waited for after a write: the page comes at once with the last count,
     * marked as an estimate, and the exact count follows (counted in the background). Here every count is "slow".
     */
    @Test
    void afterAWriteASlowCountIsEstimatedThenExact(@Autowired UserListQuery query) throws Exception {
        java.time.Duration before = query.slowCount(java.time.Duration.ZERO);
        try {
            list("filter=licensed").andExpect(jsonPath("$.totalCount").value(1))
                    .andExpect(jsonPath("$.totalCountEstimated").doesNotExist());

            SystemActor.run(() -> licensing.apply(t.id(), new Selection.UserIds(List.of(users.get(3))),
                    new LicenseChangeSpec(Map.of(E3, Set.of()), Set.of())));

            list("filter=licensed").andExpect(jsonPath("$.totalCount").value(1))
                    .andExpect(jsonPath("$.totalCountEstimated").value(true))
                    .andExpect(jsonPath("$.items.length()").value(2));
            Polling.atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(20))
                    .until(() -> list("filter=licensed").andReturn().getResponse().getContentAsString(),
                            body -> !body.contains("totalCountEstimated"));
            list("filter=licensed").andExpect(jsonPath("$.totalCount").value(2))
                    .andExpect(jsonPath("$.totalCountEstimated").doesNotExist());
        } finally {
            query.slowCount(before);
        }
    }

    /**
     * Names in the order people expect, on both databases alike: not by code point ("Zoe" before "anna", "Ёлкин"
     * before "Анна"), but Latin with its accents, then Cyrillic in alphabet order, then Chinese by pinyin (not by radical and stroke); read forwards,
     * backwards, and page by page seeking from the last user of the page before.
     */
    @Test
    void namesSortAsPeopleExpectInEveryScript() throws Exception {
        List<String> expected = List.of("anna", "Åsa", "Émile", "Ezra", "Örjan", "Zoe", "Анна", "Борис", "ежов",
                "Ёлкин", "Яков", "陈静", "李娜", "刘洋", "王伟", "张伟");
        t = fixture.tenant("SE", E3, 1);
        List<String> shuffled = new ArrayList<>(expected);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        int n = 0;
        for (String name : shuffled) {
            String upn = "n" + (n++) + "@" + t.domain();
            SystemActor.run(() -> usersService.create(t.id(), new NewUser(upn, null, null, name, "SE", null),
                    List.of()));
        }

        list("sort=displayName&size=50").andExpect(jsonPath("$.items[*].displayName")
                .value(org.hamcrest.Matchers.contains(expected.toArray())));
        List<String> backwards = new ArrayList<>(expected);
        java.util.Collections.reverse(backwards);
        list("sort=-displayName&size=50").andExpect(jsonPath("$.items[*].displayName")
                .value(org.hamcrest.Matchers.contains(backwards.toArray())));
        List<String> paged = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 6; page++) {
            String body = list("sort=displayName&size=3&page=" + page + (after == null ? "" : "&after=" + after))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            List<String> names = com.jayway.jsonpath.JsonPath.read(body, "$.items[*].displayName");
            List<String> ids = com.jayway.jsonpath.JsonPath.read(body, "$.items[*].id");
            paged.addAll(names);
            after = ids.isEmpty() ? after : ids.get(ids.size() - 1);
        }
        assertThat(paged).isEqualTo(expected);
        // The last page, read from the other end, in the same order
        list("sort=displayName&size=4&page=3").andExpect(jsonPath("$.items[*].displayName")
                .value(org.hamcrest.Matchers.contains("李娜", "刘洋", "王伟", "张伟")));
    }

    @Test
    void aTransactionThatChangedUsersCountsItsOwnChanges() {
        list(UserFilter.ALL_USERS);
        long unlicensed = list(new UserFilter(UserFilter.Type.UNLICENSED, null, null)).totalCount();

        long[] inside = transaction.execute(s -> {
            t.user("SE");
            return new long[] {list(UserFilter.ALL_USERS).totalCount(),
                    list(new UserFilter(UserFilter.Type.UNLICENSED, null, null)).totalCount()};
        });

        assertThat(inside).containsExactly(5, unlicensed + 1);
    }

    @Test
    void concurrentWritersKeepTheNumbersExact() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(pool.submit(() -> SystemActor.run(() -> {
                    if (n % 4 == 0) {
                        // Licensing writes (assign, then revoke) bump the same counter row as the user inserts.
                        licensing.apply(t.id(), new Selection.UserIds(List.of(users.get(3))), n % 8 == 0
                                ? new LicenseChangeSpec(Map.of(E3, Set.of()), Set.of())
                                : new LicenseChangeSpec(Map.of(), Set.of(E3)));
                    } else {
                        usersService.create(t.id(), new NewUser("c" + n + "@" + t.domain(), "C" + n, null, null,
                                "SE", null));
                    }
                })));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        list("").andExpect(jsonPath("$.totalCount").value(4 + 30));
    }

    @Test
    void concurrentFirstWritersOfACustomerStartItsNumbersOnce() throws Exception {
        t = fixture.tenant("SE", E3, 5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                done.add(pool.submit(() -> SystemActor.run(() -> usersService.create(t.id(),
                        new NewUser("f" + n + "@" + t.domain(), "F" + n, null, null, "SE", null)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        list("").andExpect(jsonPath("$.totalCount").value(24));
    }

    @Test
    void aRecountTakesInRowsWrittenAroundTheCounts() throws Exception {
        list("").andExpect(jsonPath("$.totalCount").value(4));

        transaction.executeWithoutResult(s -> {
            jdbc.sql("""
                    INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, display_name,
                      created_at, updated_at) VALUES (?, ?, ?, ?, 'Bulk', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                    """).params(t.id().value(), io.seatwise.shared.Ids.next(), "bulk@" + t.domain(),
                    "bulk@" + t.domain()).update();
            listChanges.recount(t.id());
        });

        list("").andExpect(jsonPath("$.totalCount").value(5));
        list("search=bulk").andExpect(jsonPath("$.items[*].displayName", contains("Bulk")));
    }

    @Test
    void nextAndPreviousSeekFromTheEdgeOfThePageBefore() throws Exception {
        for (String sort : List.of("displayName", "-displayName", "userPrincipalName", "-userPrincipalName")) {
            List<String> all = ids(list("sort=" + sort + "&size=4"));
            assertThat(ids(list("sort=" + sort + "&size=2&page=1&after=" + all.get(1))))
                    .isEqualTo(all.subList(2, 4));
            assertThat(ids(list("sort=" + sort + "&size=2&page=0&before=" + all.get(2))))
                    .isEqualTo(all.subList(0, 2));
            assertThat(ids(list("sort=" + sort + "&size=1&page=1&after=" + all.get(0))))
                    .isEqualTo(all.subList(1, 2));
        }
        // An anchor that is not one of the customer's users is ignored: the page number answers.
        list("sort=displayName&size=1&page=2&after=" + java.util.UUID.randomUUID())
                .andExpect(jsonPath("$.items[*].id", contains(id(2))));
        list("after=" + id(0) + "&before=" + id(1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("before"));
        list("after=nope").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("after"));
    }

    @Test
    void deletedUsersAreTheirOwnFilter() throws Exception {
        list("filter=deleted").andExpect(jsonPath("$.totalCount").value(1))
                .andExpect(jsonPath("$.items[*].id", contains(id(4))));
        list("filter=DELETED&search=user5").andExpect(jsonPath("$.items[*].id", contains(id(4))));
        list("search=user5").andExpect(jsonPath("$.totalCount").value(0));
    }

    @Test
    void deletedUsersSortPageAndAreFoundByTheirUserNames() throws Exception {
        // Given four deleted users (deleting gives up user_name_key, so the name can be taken meanwhile)
        t.delete(users.get(0));
        t.delete(users.get(2));
        t.delete(users.get(3));
        List<String> byName = List.of(id(0), id(2), id(3), id(4));

        // Then they sort by user name both ways, and page by seeking, without a repeat or a gap
        list("filter=deleted&sort=userPrincipalName").andExpect(jsonPath("$.items[*].id", contains(byName.toArray())));
        List<String> backwards = new java.util.ArrayList<>(byName);
        java.util.Collections.reverse(backwards);
        list("filter=deleted&sort=-userPrincipalName")
                .andExpect(jsonPath("$.items[*].id", contains(backwards.toArray())));
        List<String> paged = new java.util.ArrayList<>(ids(list("filter=deleted&sort=userPrincipalName&size=2")));
        paged.addAll(ids(list("filter=deleted&sort=userPrincipalName&size=2&page=1&after=" + paged.get(1))));
        assertThat(paged).isEqualTo(byName);
        assertThat(ids(list("filter=deleted&sort=userPrincipalName&size=2&page=0&before=" + id(3))))
                .containsExactly(id(0), id(2));
        // And a search finds them by user name
        list("filter=deleted&search=USER3").andExpect(jsonPath("$.items[*].id", contains(id(2))));
        list("filter=deleted&search=user").andExpect(jsonPath("$.totalCount").value(4));
    }

    PageResult<User> list(UserFilter filter) {
        return SystemActor.call(() -> usersService.list(t.id(), filter, UserSort.DEFAULT, new PageRequest(0, 50)));
    }

    static List<String> ids(ResultActions result) throws Exception {
        List<String> ids = com.jayway.jsonpath.JsonPath.read(result.andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(), "$.items[*].id");
        return ids;
    }
}
