package io.seatwise.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The customer every input is sent to, and the three kinds of bodies. */
    record Fixture(JsonFuzzing.Customer customer, Vocabulary create, Vocabulary edit, Vocabulary restore) {
    }

    private Fixture fixture;

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
        fixture = JsonFuzzing.once(UsersApiFuzzTests.class, this::createFixture);
    }

    private Fixture createFixture() {
        LicensingFixture.Tenant tenant = licensing.tenant("SE", E3, 20, EXCHANGE_PLAN_1, 5);
        JsonFuzzing.Customer customer = JsonFuzzing.customer(tenant, customerUsers, agents.create(Role.SALES));
        List<String> ids = new ArrayList<>(customer.userIds());
        for (UserId user : tenant.users(4, "SE")) {
            ids.add(user.toString());
        }
        for (UserId user : tenant.users(3, "NO")) {
            SystemActor.run(() -> users.delete(tenant.id(), user));
            ids.add(user.toString());
        }
        ids.add(UUID.randomUUID().toString());
        String d = tenant.domain();
        String e3 = "\"" + E3 + "\"";
        String someUser = "\"" + ids.get(2) + "\"";
        String deleted = "\"" + ids.get(ids.size() - 2) + "\"";
        List<String> strings = new ArrayList<>(ids);
        strings.addAll(List.of(d, E3.toString(), EXCHANGE_PLAN_1.toString(), EXCHANGE_S_ENTERPRISE.toString(), "SE",
                "NONE", "GLOBAL_ADMIN", "", " "));
        List<String> names = List.of("\"Ann\"", "\"%s\"", "null", "\"  \"", "\"Émile Zoë 李雷\"");
        List<String> locations = List.of("\"SE\"", "\"se\"", "\"XX\"", "\" no \"", "null", "\"%s\"");
        List<String> roles = List.of("\"NONE\"", "\"GLOBAL_ADMIN\"", "\"user_admin\"", "\"HELPDESK_ADMIN\"",
                "\"%s\"", "null");
        Map<String, List<String>> create = new LinkedHashMap<>();
        create.put("userPrincipalName", List.of("\"u%d@" + d + "\"", "\"u%d@" + d.toUpperCase() + "\"",
                "\"%s@" + d + "\"", "\"user1@" + d + "\"", "\"eve@other.example\"", "\"@" + d + "\"",
                "\"a@b@" + d + "\""));
        create.put("firstName", names);
        create.put("lastName", names);
        create.put("displayName", names);
        create.put("usageLocation", locations);
        create.put("directoryRole", roles);
        create.put("licensesToAssign", List.of("[{\"skuId\":" + e3 + "}]", "[{\"skuId\":" + e3
                + ",\"excludedPlans\":[\"" + EXCHANGE_S_ENTERPRISE + "\"]}]", "[{\"skuId\":\"" + EXCHANGE_PLAN_1
                + "\"},{\"skuId\":" + e3 + "}]", "[{\"skuId\":" + e3 + "},{\"skuId\":" + e3 + "}]", "[null]",
                "[{}]", "[{\"skuId\":" + e3 + ",\"excludedPlans\":[null]}]", "[{\"skuId\":\"%s\"}]", "[]"));
        Map<String, List<String>> edit = new LinkedHashMap<>();
        edit.put("firstName", names);
        edit.put("lastName", names);
        edit.put("displayName", names);
        edit.put("usageLocation", locations);
        edit.put("directoryRole", roles);
        edit.put("signInBlocked", List.of("true", "false", "null", "\"true\""));
        Map<String, List<String>> restore = Map.of("userIds", List.of("[" + deleted + "]", "[" + deleted + ","
                + someUser + "," + deleted + "]", "[]", "[null]", "[\"%s\"]", "[\"" + ids.get(ids.size() - 1) + "\"]"));
        return new Fixture(customer.withUserIds(ids), new Vocabulary(create, strings),
                new Vocabulary(edit, strings), new Vocabulary(restore, strings));
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryFile(resourcePath = "/io/seatwise/support/json.dict")
    void anyBodyIsAnsweredWithoutServerError(FuzzedDataProvider data) throws Exception {
        Fixture f = fixture;
        String base = "/api/v1/customers/" + f.customer().id();
        String bearer = f.customer().caller(data);
        int endpoint = data.consumeInt(0, 3);
        MockHttpServletRequestBuilder request = switch (endpoint) {
            case 0 -> post(base + "/users");
            case 1 -> post(base + "/users").param("passwordSheet", data.pickValue(List.of("new", " new ",
                    UUID.randomUUID().toString(), "not-a-sheet", "")));
            case 2 -> patch(base + "/users/" + data.pickValue(f.customer().userIds()));
            default -> post(base + "/deletedusers/restore");
        };
        byte[] body = JsonFuzzing.body(data, endpoint < 2 ? f.create() : endpoint == 2 ? f.edit() : f.restore());
        JsonFuzzing.send(mvc, request, bearer, body);
    }
}
