package io.seatwise.users;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.support.H2Test;
import io.seatwise.support.JsonFuzzing;
import io.seatwise.support.JsonFuzzing.Vocabulary;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_S_ENTERPRISE;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Any JSON body sent to the users API (add a user, edit one, restore deleted ones), by a partner agent or by the
 * customer's own User management admin, is answered without a server error, and a refusal is a problem+json.
 *
 * <p>A normal build replays the inputs under {@code UsersApiFuzzTestsInputs}; {@code ./mvnw -Pfuzz test} fuzzes
 * (see the {@code fuzz} profile of pom.xml). On H2 only: what is fuzzed is the reading of bodies, not SQL dialects.
 */
@H2Test
class UsersApiFuzzTests {

    /** The customer every input is sent to, made once per JVM: fuzzing sends thousands of bodies a minute. */
    record Fixture(String customer, String domain, String agentBearer, String adminBearer, List<String> userIds,
            Vocabulary words) {
    }

    private static volatile Fixture fixture;

    @Autowired
    MockMvc mvc;
    @Autowired
    LicensingFixture licensing;
    @Autowired
    TestAgents agents;
    @Autowired
    TestCustomerUsers customerUsers;
    @Autowired
    UsersService users;

    @BeforeEach
    void customerWithUsers() {
        if (fixture == null) {
            fixture = createFixture();
        }
    }

    private Fixture createFixture() {
        LicensingFixture.Tenant tenant = licensing.tenant("SE", E3, 20, EXCHANGE_PLAN_1, 5);
        TestCustomerUsers.Tenant same = new TestCustomerUsers.Tenant(tenant.id(), tenant.domain());
        TestCustomerUsers.Member admin = customerUsers.create(same, DirectoryRole.USER_ADMIN);
        TestCustomerUsers.Member global = customerUsers.create(same, DirectoryRole.GLOBAL_ADMIN);
        List<String> ids = new ArrayList<>();
        ids.add(admin.id().toString());
        ids.add(global.id().toString());
        for (UserId user : tenant.users(4, "SE")) {
            ids.add(user.toString());
        }
        for (UserId user : tenant.users(3, "NO")) {
            SystemActor.run(() -> users.delete(tenant.id(), user));
            ids.add(user.toString());
        }
        ids.add(UUID.randomUUID().toString());
        List<String> strings = new ArrayList<>(ids);
        strings.addAll(List.of("new@" + tenant.domain(), "Ann.Lee@" + tenant.domain().toUpperCase(), tenant.domain(),
                "user1@" + tenant.domain(), "eve@other.example", E3.toString(), EXCHANGE_PLAN_1.toString(),
                EXCHANGE_S_ENTERPRISE.toString(), "SE", "se", "XX", "", " ", "NONE", "GLOBAL_ADMIN", "user_admin",
                "Ann", "Ann Lee"));
        Vocabulary words = new Vocabulary(List.of("userPrincipalName", "firstName", "lastName", "displayName",
                "usageLocation", "directoryRole", "licensesToAssign", "skuId", "excludedPlans", "signInBlocked",
                "userIds"), strings);
        return new Fixture(tenant.id().toString(), tenant.domain(), agents.create(Role.SALES).bearer(),
                admin.bearer(), List.copyOf(ids), words);
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryFile(resourcePath = "/io/seatwise/support/json.dict")
    void anyBodyIsAnsweredWithoutServerError(FuzzedDataProvider data) throws Exception {
        Fixture f = fixture;
        String base = "/api/v1/customers/" + f.customer();
        String bearer = data.consumeBoolean() ? f.agentBearer() : f.adminBearer();
        MockHttpServletRequestBuilder request = switch (data.consumeInt(0, 3)) {
            case 0 -> post(base + "/users");
            case 1 -> post(base + "/users").param("passwordSheet", data.pickValue(List.of("new", " new ",
                    UUID.randomUUID().toString(), "not-a-sheet", "")));
            case 2 -> patch(base + "/users/" + data.pickValue(f.userIds()));
            default -> post(base + "/deletedusers/restore");
        };
        byte[] body = JsonFuzzing.body(data, f.words());
        JsonFuzzing.assertAnsweredWithoutServerError(mvc.perform(request.header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn(), body);
    }
}
