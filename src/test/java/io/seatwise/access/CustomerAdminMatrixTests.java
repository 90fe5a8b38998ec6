package io.seatwise.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.seatwise.access.TestCustomerUsers.Member;
import io.seatwise.access.TestCustomerUsers.Tenant;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.PageRequest;
import io.seatwise.support.Polling;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.NewUser;
import io.seatwise.users.UserUpdate;
import io.seatwise.users.UsersService;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * product.md's customer administrators through the API: a Global admin and a User management admin of tenant A
 * call every users and licenses endpoint with tenant B's customer id, and with B's user and change ids under A's
 * path, and get 404 (bulk requests: each id reported as not found) with nothing changed; purchases, customers,
 * agents and the activity log answer 403; customer users without an admin role get 403 everywhere; and a User
 * management admin cannot touch a Global admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerAdminMatrixTests extends ApiTestSupport {

    /** What kind of ids an endpoint names besides the customer's. */
    enum Ids { CUSTOMER, ONE, MANY }

    /** One users or licenses endpoint; {@code MANY} answers per id, with {@code perId} in its answer. */
    record Endpoint(String method, String url, String body, Ids ids, String perId) {

        Endpoint(String method, String url, String body, Ids ids) {
            this(method, url, body, ids, null);
        }

        @Override
        public String toString() {
            return method + " " + url;
        }
    }

    static final String SKU = "{sku}";
    /** An import file of one new user (a MULTIPART endpoint's body). */
    static final String IMPORT = "Display name,User name\nImported,{unique}@{domain}\n";
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/customers/{c}", null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/users", null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/users?filter=admins&search=a", null, Ids.CUSTOMER),
            new Endpoint("POST", "/api/v1/customers/{c}/users",
                    "{\"userPrincipalName\":\"{unique}@{domain}\",\"displayName\":\"New\"}", Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/deletedusers", null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/subscribedskus", null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/subscribedskus/" + SKU, null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/subscriptions", null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/subscriptions/" + SKU, null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/subscriptions/" + SKU + "/orders", null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/licensesummary", null, Ids.CUSTOMER),
            new Endpoint("POST", "/api/v1/customers/{c}/licenseupdates",
                    "{\"filter\":{\"type\":\"all\"},\"licensesToRemove\":[\"{sku}\"]}", Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/users/{u}", null, Ids.ONE),
            new Endpoint("PATCH", "/api/v1/customers/{c}/users/{u}", "{\"displayName\":\"Renamed\"}", Ids.ONE),
            new Endpoint("PATCH", "/api/v1/customers/{c}/users/{u}", "{\"directoryRole\":\"GLOBAL_ADMIN\"}", Ids.ONE),
            new Endpoint("DELETE", "/api/v1/customers/{c}/users/{u}", null, Ids.ONE),
            new Endpoint("POST", "/api/v1/customers/{c}/users/{u}/resetpassword", null, Ids.ONE),
            new Endpoint("GET", "/api/v1/customers/{c}/users/{u}/licenses", null, Ids.ONE),
            new Endpoint("POST", "/api/v1/customers/{c}/users/{u}/licenseupdates",
                    "{\"licensesToRemove\":[\"{sku}\"]}", Ids.ONE),
            new Endpoint("POST", "/api/v1/customers/{c}/users/{u}/licenseupdates?preview=true",
                    "{\"licensesToRemove\":[\"{sku}\"]}", Ids.ONE),
            new Endpoint("GET", "/api/v1/customers/{c}/licensechanges/{change}", null, Ids.ONE),
            new Endpoint("GET", "/api/v1/customers/{c}/licensechanges/{change}/results", null, Ids.ONE),
            new Endpoint("GET", "/api/v1/customers/{c}/licensechanges/{change}/results.csv", null, Ids.ONE),
            new Endpoint("POST", "/api/v1/customers/{c}/licensechanges/{change}/undo", null, Ids.ONE),
            new Endpoint("POST", "/api/v1/customers/{c}/deletedusers/restore", "{\"userIds\":[\"{deleted}\"]}",
                    Ids.MANY, "UserNotFound"),
            new Endpoint("POST", "/api/v1/customers/{c}/licenseupdates",
                    "{\"userIds\":[\"{u}\"],\"licensesToRemove\":[\"{sku}\"]}", Ids.MANY, "UserNotFound"),
            new Endpoint("POST", "/api/v1/customers/{c}/licenseupdates?preview=true",
                    "{\"userIds\":[\"{u}\"],\"licensesToRemove\":[\"{sku}\"]}", Ids.MANY, "UserNotFound"),
            new Endpoint("GET", "/api/v1/customers/{c}/licensesummary?userIds={u}", null, Ids.MANY,
                    "\"selectedUsers\":0"),
            new Endpoint("POST", "/api/v1/customers/{c}/licensesummary", "{\"userIds\":[\"{u}\"]}", Ids.MANY,
                    "\"selectedUsers\":0"),
            new Endpoint("GET", "/api/v1/customers/{c}/licensesummary/" + SKU + "/users?userIds={u}", null, Ids.MANY,
                    "\"totalCount\":0"),
            new Endpoint("POST", "/api/v1/customers/{c}/licensesummary/" + SKU + "/users", "{\"userIds\":[\"{u}\"]}",
                    Ids.MANY, "\"totalCount\":0"),
            new Endpoint("GET", "/api/v1/customers/{c}/users/import/template", null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/customers/{c}/licensechanges", null, Ids.CUSTOMER),
            new Endpoint("MULTIPART", "/api/v1/customers/{c}/users/import?validateOnly=true", IMPORT, Ids.CUSTOMER),
            new Endpoint("MULTIPART", "/api/v1/customers/{c}/users/import", IMPORT, Ids.CUSTOMER),
            new Endpoint("MULTIPART", "/api/v1/customers/{c}/users/import?async=true", IMPORT, Ids.CUSTOMER),
            new Endpoint("POST", "/api/v1/customers/{c}/licenseupdates?async=true",
                    "{\"filter\":{\"type\":\"all\"},\"licensesToRemove\":[\"{sku}\"]}", Ids.CUSTOMER),
            new Endpoint("POST", "/api/v1/customers/{c}/licensechanges/{change}/undo?async=true", null, Ids.ONE));

    /** What a customer administrator may never do, even in its own customer. */
    static final List<Endpoint> PARTNER_ONLY = List.of(
            new Endpoint("POST", "/api/v1/customers/{c}/subscriptions",
                    "{\"skuId\":\"" + PermissionMatrixTests.EXCHANGE_PLAN_1 + "\",\"quantity\":3}", Ids.CUSTOMER),
            new Endpoint("POST", "/api/v1/customers/{c}/subscriptions/" + SKU + "/orders", "{\"quantity\":2}",
                    Ids.CUSTOMER),
            new Endpoint("PATCH", "/api/v1/customers/{c}/subscriptions/" + SKU, "{\"quantity\":9}", Ids.CUSTOMER),
            new Endpoint("POST", "/api/v1/customers",
                    "{\"name\":\"Matrix {unique}\",\"country\":\"FI\",\"domains\":[\"{unique}.example\"]}",
                    Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/agents", null, Ids.CUSTOMER),
            new Endpoint("POST", "/api/v1/agents",
                    "{\"email\":\"{unique}@test.example\",\"displayName\":\"New\",\"role\":\"ADMIN\"}", Ids.CUSTOMER),
            new Endpoint("PATCH", "/api/v1/agents/{agent}", "{\"role\":\"ADMIN\"}", Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/activity", null, Ids.CUSTOMER),
            new Endpoint("GET", "/api/v1/activity?customerId={c}", null, Ids.CUSTOMER));

    static final List<DirectoryRole> ADMINS = List.of(DirectoryRole.GLOBAL_ADMIN, DirectoryRole.USER_ADMIN);

    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    UsersService users;
    @Autowired
    LicensingService licensing;
    @Autowired
    CustomersService customers;
    @Autowired
    CustomerSignIn customerSignIn;

    Tenant a;
    Tenant b;
    Member globalAdmin;
    Member userAdmin;
    Member aUser;
    Member bUser;
    Member bDeleted;
    UUID bChange;
    Agent agent;

    @BeforeAll
    void twoTenants() {
        // Tenant A with its two administrators and a user; tenant B with a licensed user, a deleted one and the
        // stored license change that licensed it
        a = customerUsers.tenant(1000);
        b = customerUsers.tenant(5);
        globalAdmin = customerUsers.create(a, DirectoryRole.GLOBAL_ADMIN);
        userAdmin = customerUsers.create(a, DirectoryRole.USER_ADMIN);
        aUser = customerUsers.create(a, DirectoryRole.NONE);
        bUser = customerUsers.create(b, DirectoryRole.NONE);
        bDeleted = customerUsers.create(b, DirectoryRole.NONE);
        SystemActor.run(() -> users.delete(b.id(), bDeleted.id()));
        bChange = SystemActor.call(() -> licensing.apply(b.id(), new Selection.UserIds(List.of(bUser.id())),
                LicensingFixture.assign(TestCustomerUsers.E3))).id();
        agent = agents.create(Role.HELPDESK).agent();
    }

    Member admin(DirectoryRole role) {
        return role == DirectoryRole.GLOBAL_ADMIN ? globalAdmin : userAdmin;
    }

    String fill(String text, Tenant customer, Member user, Member deleted, UUID change) {
        return text == null ? null : text.replace("{c}", customer.toString()).replace("{domain}", customer.domain())
                .replace("{u}", user.id().toString()).replace("{deleted}", deleted.id().toString())
                .replace("{change}", change.toString()).replace("{sku}", E3)
                .replace("{agent}", agent.id().toString()).replace("{unique}", unique("m"));
    }

    org.springframework.test.web.servlet.RequestBuilder call(Endpoint e, Member as, Tenant customer, Member user,
            Member deleted, UUID change) {
        if (e.method().equals("MULTIPART")) {
            return org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                    .multipart(fill(e.url(), customer, user, deleted, change))
                    .file(new org.springframework.mock.web.MockMultipartFile("file", "users.csv", "text/csv",
                            fill(e.body(), customer, user, deleted, change).getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Authorization", as.bearer());
        }
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(e.method()),
                fill(e.url(), customer, user, deleted, change));
        if (e.body() != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(fill(e.body(), customer, user, deleted, change));
        }
        return builder.header("Authorization", as.bearer());
    }

    /** Everything a refused call could have changed, in both tenants and beyond. */
    List<Object> snapshot() {
        List<Object> state = new ArrayList<>();
        for (String table : List.of("customer", "customer_domain", "subscription", "subscription_order", "app_user",
                "license_assignment", "license_change", "agent", "api_token", "activity_log")) {
            state.add(table + "=" + count("SELECT count(*) FROM " + table));
        }
        for (Tenant t : List.of(a, b)) {
            state.add(jdbc.sql("SELECT quantity || '/' || assigned FROM subscription WHERE customer_id = ?")
                    .param(t.id().value()).query(String.class).list());
            state.add(jdbc.sql("SELECT CAST(id AS VARCHAR(36)) || directory_role || display_name || sign_in_blocked "
                            + "|| COALESCE(CAST(deleted_at AS VARCHAR(40)), '-') || COALESCE(password_hash, '-') "
                            + "FROM app_user WHERE customer_id = ? ORDER BY id")
                    .param(t.id().value()).query(String.class).list());
            state.add(jdbc.sql("SELECT CAST(user_id AS VARCHAR(36)) || CAST(sku_id AS VARCHAR(36)) || state "
                    + "FROM license_assignment WHERE customer_id = ? ORDER BY user_id, sku_id")
                    .param(t.id().value()).query(String.class).list());
        }
        state.add(jdbc.sql("SELECT CAST(COALESCE(undone_by, id) AS VARCHAR(36)) FROM license_change WHERE id = ?")
                .param(bChange).query(String.class).list());
        return state;
    }

    static List<Object> withoutRecords(List<Object> state) {
        return state.stream().filter(s -> !(s instanceof String t && (t.startsWith("license_change=")
                || t.startsWith("activity_log=")))).toList();
    }

    static Stream<Arguments> everyEndpointForEachAdmin() {
        return ADMINS.stream().flatMap(role -> ENDPOINTS.stream().map(e -> Arguments.of(role, e)));
    }

    static Stream<Arguments> idEndpointsForEachAdmin() {
        return ADMINS.stream().flatMap(role -> ENDPOINTS.stream().filter(e -> e.ids() != Ids.CUSTOMER)
                .map(e -> Arguments.of(role, e)));
    }

    static Stream<Arguments> partnerOnlyForEachAdmin() {
        return ADMINS.stream().flatMap(role -> PARTNER_ONLY.stream().map(e -> Arguments.of(role, e)));
    }

    @ParameterizedTest(name = "{0} {1} of another customer -> 404")
    @MethodSource("everyEndpointForEachAdmin")
    void anotherCustomersIdIsNotFoundAndNothingChanges(DirectoryRole role, Endpoint endpoint) throws Exception {
        List<Object> before = snapshot();

        mvc.perform(call(endpoint, admin(role), b, bUser, bDeleted, bChange))
                .andExpect(problem(404, "not-found"))
                .andExpect(content().string(not(containsString(bUser.userName()))));

        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} with another customer's ids under its own -> not found")
    @MethodSource("idEndpointsForEachAdmin")
    void anotherCustomersUserAndChangeIdsUnderTheOwnCustomerAreNotFound(DirectoryRole role, Endpoint endpoint)
            throws Exception {
        List<Object> before = snapshot();

        var result = mvc.perform(call(endpoint, admin(role), a, bUser, bDeleted, bChange))
                .andExpect(content().string(not(containsString(bUser.userName()))));

        if (endpoint.ids() == Ids.ONE) {
            result.andExpect(problem(404, "not-found"));
            assertThat(snapshot()).isEqualTo(before);
        } else {
            // A bulk request answers per id, and an id of another customer exactly as one that does not exist
            result.andExpect(status().isOk()).andExpect(content().string(containsString(endpoint.perId())));
            // Only tenant A's own record of the attempt may be new: a stored (failed) change, an activity line
            assertThat(withoutRecords(snapshot())).isEqualTo(withoutRecords(before));
        }
    }

    @ParameterizedTest(name = "{0} {1} of its own customer -> works")
    @MethodSource("everyEndpointForEachAdmin")
    void theSameEndpointsWorkOnTheOwnCustomer(DirectoryRole role, Endpoint endpoint) throws Exception {
        // Given a fresh user of its own, licensed, and a deleted one, and the change that licensed it
        Member user = customerUsers.create(a, DirectoryRole.NONE);
        Member deleted = customerUsers.create(a, DirectoryRole.NONE);
        SystemActor.run(() -> users.delete(a.id(), deleted.id()));
        UUID change = SystemActor.call(() -> licensing.apply(a.id(), new Selection.UserIds(List.of(user.id())),
                LicensingFixture.assign(TestCustomerUsers.E3))).id();

        var response = mvc.perform(call(endpoint, admin(role), a, user, deleted, change)).andReturn().getResponse();
        int status = response.getStatus();
        if (status == 202) {
            // A job: it must end before the next test compares the tables (and it must end well)
            String job = Polling.atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                    .get(response.getHeader("Location")).header("Authorization", admin(role).bearer()))
                            .andReturn().getResponse().getContentAsString(),
                            body -> body.contains("SUCCEEDED") || body.contains("FAILED"));
            assertThat(job).as(endpoint.toString()).contains("\"SUCCEEDED\"");
        }

        if (role == DirectoryRole.USER_ADMIN && String.valueOf(endpoint.body()).contains("GLOBAL_ADMIN")) {
            assertThat(status).as(endpoint.toString()).isEqualTo(403);
        } else {
            assertThat(status).as(endpoint.toString()).isBetween(200, 299);
        }
    }

    @ParameterizedTest(name = "{0} {1} -> 403")
    @MethodSource("partnerOnlyForEachAdmin")
    void purchasesCustomersAgentsAndTheActivityLogAreRefused(DirectoryRole role, Endpoint endpoint)
            throws Exception {
        List<Object> before = snapshot();

        mvc.perform(call(endpoint, admin(role), a, aUser, aUser, bChange)).andExpect(problem(403, "forbidden"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}: every users and licenses endpoint -> 403")
    @org.junit.jupiter.params.provider.EnumSource(value = DirectoryRole.class,
            names = {"NONE", "HELPDESK_ADMIN", "BILLING_ADMIN"})
    void aCustomerUserWithoutAnAdminRoleIsRefusedEverything(DirectoryRole role) throws Exception {
        // Given a user of that role holding a token (say, made while it was an administrator)
        Member user = customerUsers.create(a, role);
        Member withToken = new Member(a, user.id(), user.userName(), role, null, customerUsers.token(user));
        List<Object> before = snapshot();

        for (Endpoint endpoint : ENDPOINTS) {
            mvc.perform(call(endpoint, withToken, a, aUser, aUser, bChange))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).as(endpoint.toString())
                            .isEqualTo(403));
        }
        for (Endpoint endpoint : PARTNER_ONLY) {
            mvc.perform(call(endpoint, withToken, a, aUser, aUser, bChange)).andExpect(problem(403, "forbidden"));
        }

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theServicesThemselvesAnswerNotFoundForAnotherCustomer() {
        // Given tenant A's Global admin as the actor, calling the services directly (no URL, no central check)
        CustomerUserPrincipal me = customerSignIn.current(a.id(), globalAdmin.id()).orElseThrow();
        PageRequest page = PageRequest.of(0, 10);
        Selection selection = new Selection.UserIds(List.of(bUser.id()));
        var spec = LicensingFixture.remove(TestCustomerUsers.E3);
        List<Object> before = snapshot();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities())));
        try {
            // When it names tenant B anywhere, Then every service answers not-found
            List<ThrowingCallable> calls = List.of(
                    () -> customers.get(b.id()),
                    () -> customers.subscriptions(b.id()),
                    () -> customers.subscription(b.id(), TestCustomerUsers.E3),
                    () -> customers.orders(b.id(), TestCustomerUsers.E3),
                    () -> users.list(b.id(), page),
                    () -> users.get(b.id(), bUser.id()),
                    () -> users.create(b.id(), new NewUser("x@" + b.domain(), null, null, "X", null, null)),
                    () -> users.update(b.id(), bUser.id(), new UserUpdate(null, null, "Renamed", null, null, null)),
                    () -> users.resetPassword(b.id(), bUser.id()),
                    () -> users.delete(b.id(), bUser.id()),
                    () -> users.deleted(b.id(), page),
                    () -> users.restore(b.id(), List.of(bDeleted.id())),
                    () -> licensing.licenses(b.id(), bUser.id()),
                    () -> licensing.summary(b.id(), selection),
                    () -> licensing.holders(b.id(), selection, TestCustomerUsers.E3, page),
                    () -> licensing.preview(b.id(), selection, spec),
                    () -> licensing.apply(b.id(), selection, spec),
                    () -> licensing.change(b.id(), bChange),
                    () -> licensing.results(b.id(), bChange, page),
                    () -> licensing.undo(b.id(), bChange));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.NOT_FOUND));
            }
            // And the customers list holds its own customer only
            assertThat(customers.search(null, page).items()).extracting(c -> c.id()).containsExactly(a.id());
            assertThat(customers.search(b.domain(), page).totalCount()).isZero();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theCustomersListShowsOnlyTheOwnCustomer() throws Exception {
        for (DirectoryRole role : ADMINS) {
            Member admin = admin(role);
            mvc.perform(call(new Endpoint("GET", "/api/v1/customers", null, Ids.CUSTOMER), admin, a, aUser, aUser,
                            bChange))
                    .andExpect(jsonPath("$.totalCount").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(a.toString()));
            mvc.perform(call(new Endpoint("GET", "/api/v1/customers?search=" + b.domain(), null, Ids.CUSTOMER),
                            admin, a, aUser, aUser, bChange))
                    .andExpect(jsonPath("$.totalCount").value(0));
        }
    }

    @Test
    void aUserManagementAdminCannotTouchAGlobalAdmin() throws Exception {
        // Given a Global admin, a deleted Global admin and a plain user of tenant A
        Member target = customerUsers.create(a, DirectoryRole.GLOBAL_ADMIN);
        Member deletedGlobal = customerUsers.create(a, DirectoryRole.GLOBAL_ADMIN);
        SystemActor.run(() -> users.delete(a.id(), deletedGlobal.id()));
        Member plain = customerUsers.create(a, DirectoryRole.NONE);
        String base = "/api/v1/customers/" + a.id() + "/users";
        List<Object> before = snapshot();

        // When the User management admin edits, resets, deletes it, or makes anyone a Global admin: 403
        for (var e : List.of(
                new Endpoint("PATCH", base + "/" + target.id(), "{\"displayName\":\"Demoted\"}", Ids.ONE),
                new Endpoint("PATCH", base + "/" + target.id(), "{\"directoryRole\":\"NONE\"}", Ids.ONE),
                new Endpoint("PATCH", base + "/" + target.id(), "{\"signInBlocked\":true}", Ids.ONE),
                new Endpoint("POST", base + "/" + target.id() + "/resetpassword", null, Ids.ONE),
                new Endpoint("DELETE", base + "/" + target.id(), null, Ids.ONE),
                new Endpoint("PATCH", base + "/" + plain.id(), "{\"directoryRole\":\"GLOBAL_ADMIN\"}", Ids.ONE),
                new Endpoint("PATCH", base + "/" + userAdmin.id(), "{\"directoryRole\":\"GLOBAL_ADMIN\"}", Ids.ONE),
                new Endpoint("POST", base, "{\"userPrincipalName\":\"{unique}@" + a.domain()
                        + "\",\"displayName\":\"Boss\",\"directoryRole\":\"GLOBAL_ADMIN\"}", Ids.CUSTOMER))) {
            mvc.perform(call(e, userAdmin, a, plain, plain, bChange)).andExpect(problem(403, "forbidden"));
        }
        assertThat(snapshot()).isEqualTo(before);

        // Nor restore a deleted Global admin: that user fails with Forbidden, and stays deleted
        mvc.perform(call(new Endpoint("POST", "/api/v1/customers/{c}/deletedusers/restore",
                        "{\"userIds\":[\"{deleted}\"]}", Ids.MANY), userAdmin, a, plain, deletedGlobal, bChange))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("failed"))
                .andExpect(jsonPath("$.results[0].errors[0].code").value("Forbidden"));
        assertThat(count("SELECT count(*) FROM app_user WHERE id = ? AND deleted_at IS NOT NULL",
                deletedGlobal.id().value())).isEqualTo(1);

        // Nor change a Global admin's licenses: in one change of both, the Global admin fails with Forbidden and the
        // plain user succeeds; the Global admin changes them
        String twoUsers = "{\"userIds\":[\"" + target.id() + "\",\"" + plain.id() + "\"],\"licensesToAssign\":"
                + "[{\"skuId\":\"" + E3 + "\"}]}";
        mvc.perform(call(new Endpoint("POST", "/api/v1/customers/{c}/licenseupdates", twoUsers, Ids.CUSTOMER),
                        userAdmin, a, plain, plain, bChange))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("failed"))
                .andExpect(jsonPath("$.results[0].errors[0].code").value("Forbidden"))
                .andExpect(jsonPath("$.results[1].status").value("succeeded"));
        mvc.perform(call(new Endpoint("POST", "/api/v1/customers/{c}/users/" + target.id() + "/licenseupdates",
                        "{\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}", Ids.ONE), globalAdmin, a, plain, plain,
                        bChange))
                .andExpect(status().isOk()).andExpect(jsonPath("$.results[0].status").value("succeeded"));

        // It still reads the Global admin, and manages everyone else
        mvc.perform(call(new Endpoint("GET", base + "/" + target.id(), null, Ids.ONE), userAdmin, a, plain, plain,
                bChange)).andExpect(jsonPath("$.directoryRole").value("GLOBAL_ADMIN"));
        mvc.perform(call(new Endpoint("PATCH", base + "/" + plain.id(), "{\"directoryRole\":\"USER_ADMIN\"}",
                Ids.ONE), userAdmin, a, plain, plain, bChange)).andExpect(status().isOk());
        mvc.perform(call(new Endpoint("POST", base + "/" + plain.id() + "/resetpassword", null, Ids.ONE), userAdmin,
                a, plain, plain, bChange)).andExpect(status().isOk());

        // And a Global admin may do all of it
        mvc.perform(call(new Endpoint("PATCH", base + "/" + target.id(), "{\"displayName\":\"Renamed\"}", Ids.ONE),
                globalAdmin, a, plain, plain, bChange)).andExpect(status().isOk());
        mvc.perform(call(new Endpoint("PATCH", base + "/" + plain.id(), "{\"directoryRole\":\"GLOBAL_ADMIN\"}",
                Ids.ONE), globalAdmin, a, plain, plain, bChange)).andExpect(status().isOk());
        mvc.perform(call(new Endpoint("POST", "/api/v1/customers/{c}/deletedusers/restore",
                        "{\"userIds\":[\"{deleted}\"]}", Ids.MANY), globalAdmin, a, plain, deletedGlobal, bChange))
                .andExpect(jsonPath("$.results[0].status").value("restored"));
        mvc.perform(call(new Endpoint("DELETE", base + "/" + target.id(), null, Ids.ONE), globalAdmin, a, plain,
                plain, bChange)).andExpect(status().isNoContent());
    }
}
