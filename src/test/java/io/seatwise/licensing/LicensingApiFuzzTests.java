package io.seatwise.licensing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.support.H2Test;
import io.seatwise.support.JsonFuzzing;
import io.seatwise.support.JsonFuzzing.Vocabulary;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.seatwise.licensing.LicensingFixture.AUDIO_CONFERENCING;
import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_S_ENTERPRISE;
import static io.seatwise.licensing.LicensingFixture.TEAMS_PHONE;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Any JSON body sent to the licensing API (license updates for many users or one, with or without preview;
 * selection summaries and their holders), by a partner agent or by the customer's own User management admin, is
 * answered without a server error, and a refusal is a problem+json.
 *
 * <p>{@code ?async=true} is left out: its job would run beside the next inputs and make their answers depend on
 * timing; it checks the body with the same code before it queues anything.
 *
 * <p>A normal build replays the inputs under {@code LicensingApiFuzzTestsInputs}; {@code ./mvnw -Pfuzz test}
 * fuzzes (see the {@code fuzz} profile of pom.xml). On H2 only: what is fuzzed is the reading of bodies.
 */
@H2Test
class LicensingApiFuzzTests {

    /** The customer every input is sent to, the products to name in paths, and the three kinds of bodies. */
    record Fixture(JsonFuzzing.Customer customer, List<String> skus, Vocabulary update, Vocabulary updateOne,
            Vocabulary selection) {
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

    @BeforeEach
    void customerWithSeatsAndUsers() {
        fixture = JsonFuzzing.once(LicensingApiFuzzTests.class, this::createFixture);
    }

    private Fixture createFixture() {
        LicensingFixture.Tenant tenant = licensing.tenant("SE", E3, 5, EXCHANGE_PLAN_1, 3, TEAMS_PHONE, 2);
        JsonFuzzing.Customer customer = JsonFuzzing.customer(tenant, customerUsers, agents.create(Role.HELPDESK));
        List<String> ids = new ArrayList<>(customer.userIds());
        for (UserId user : tenant.users(4, "SE")) {
            ids.add(user.toString());
        }
        UserId gone = tenant.user("SE");
        tenant.delete(gone);
        String deleted = gone.toString();
        ids.add(deleted);
        ids.add(tenant.userWithoutLocation().toString());
        ids.add(UUID.randomUUID().toString());
        List<String> skus = List.of(E3.toString(), EXCHANGE_PLAN_1.toString(), TEAMS_PHONE.toString(),
                AUDIO_CONFERENCING.toString(), UUID.randomUUID().toString(), "not-a-sku");
        String e3 = "\"" + E3 + "\"";
        String some = "[\"" + ids.get(2) + "\",\"" + ids.get(3) + "\"]";
        List<String> userIds = List.of(some, "[\"" + ids.get(0) + "\",\"" + ids.get(1) + "\"]", "[\"" + deleted
                + "\"]", "[\"" + ids.get(ids.size() - 1) + "\"]", "[]", "[null]", "[\"%s\"]", some.replace("]",
                "," + some.substring(1)));
        List<String> filters = List.of("{\"type\":\"all\"}", "{\"type\":\"hasProduct\",\"skuId\":" + e3 + "}",
                "{\"type\":\"licensed\",\"search\":\"%s\"}", "{\"type\":\"unlicensed\",\"skuId\":\""
                        + TEAMS_PHONE + "\",\"search\":\"user\"}", "{\"type\":\"lacksProduct\"}",
                "{\"type\":\"deleted\"}", "{\"type\":\"%s\"}", "{\"search\":\"%\"}", "{}", "null");
        List<String> assign = List.of("[{\"skuId\":" + e3 + "}]", "[{\"skuId\":" + e3 + ",\"excludedPlans\":[\""
                + EXCHANGE_S_ENTERPRISE + "\"]}]", "[{\"skuId\":\"" + TEAMS_PHONE + "\"}]", "[{\"skuId\":\""
                + AUDIO_CONFERENCING + "\"}]", "[{\"skuId\":" + e3 + "},{\"skuId\":" + e3 + "}]", "[null]",
                "[{\"skuId\":" + e3 + ",\"excludedPlans\":[\"%s\"]}]", "[{\"skuId\":\"" + EXCHANGE_PLAN_1
                        + "\",\"excludedPlans\":null}]", "[]", "null");
        List<String> remove = List.of("[" + e3 + "]", "[\"" + EXCHANGE_PLAN_1 + "\"]", "[null]", "[]", "null",
                "[\"%s\"]");
        Map<String, List<String>> update = new LinkedHashMap<>();
        update.put("userIds", userIds);
        update.put("filter", filters);
        update.put("licensesToAssign", assign);
        update.put("licensesToRemove", remove);
        Map<String, List<String>> updateOne = new LinkedHashMap<>();
        updateOne.put("licensesToAssign", assign);
        updateOne.put("licensesToRemove", remove);
        Map<String, List<String>> selection = new LinkedHashMap<>();
        selection.put("userIds", userIds);
        selection.put("filter", filters);
        List<String> strings = new ArrayList<>(ids);
        strings.addAll(skus);
        strings.addAll(List.of(EXCHANGE_S_ENTERPRISE.toString(), "all", "hasProduct", "deleted", "user", "", " "));
        return new Fixture(customer.withUserIds(ids), skus, new Vocabulary(update, strings),
                new Vocabulary(updateOne, strings), new Vocabulary(selection, strings));
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryFile(resourcePath = "/io/seatwise/support/json.dict")
    void anyBodyIsAnsweredWithoutServerError(FuzzedDataProvider data) throws Exception {
        Fixture f = fixture;
        String base = "/api/v1/customers/" + f.customer().id();
        String bearer = f.customer().caller(data);
        String preview = data.consumeBoolean() ? "true" : "false";
        int endpoint = data.consumeInt(0, 3);
        MockHttpServletRequestBuilder request = switch (endpoint) {
            case 0 -> post(base + "/licenseupdates").param("preview", preview);
            case 1 -> post(base + "/users/" + data.pickValue(f.customer().userIds()) + "/licenseupdates")
                    .param("preview", preview);
            case 2 -> post(base + "/licensesummary");
            default -> post(base + "/licensesummary/" + data.pickValue(f.skus()) + "/users");
        };
        byte[] body = JsonFuzzing.body(data, endpoint == 0 ? f.update() : endpoint == 1 ? f.updateOne()
                : f.selection());
        JsonFuzzing.send(mvc, request, bearer, body);
    }
}
