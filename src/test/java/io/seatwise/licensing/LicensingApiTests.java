package io.seatwise.licensing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.support.Polling;
import io.seatwise.users.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.seatwise.licensing.LicensingFixture.DOMESTIC_CALLING;
import static io.seatwise.licensing.LicensingFixture.DOMESTIC_CALLING_PLAN;
import static io.seatwise.licensing.LicensingFixture.E3;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_PLAN_1;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_S_ENTERPRISE;
import static io.seatwise.licensing.LicensingFixture.EXCHANGE_S_STANDARD;
import static io.seatwise.licensing.LicensingFixture.PHONE_SYSTEM;
import static io.seatwise.licensing.LicensingFixture.PHONE_VIRTUAL_USER;
import static io.seatwise.licensing.LicensingFixture.TEAMS_PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The licensing API with Partner Center's names; run on H2 and PostgreSQL. */
abstract class LicensingApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAgents agents;
    @Autowired
    LicensingFixture fixture;

    Signed helpdesk;

    @BeforeEach
    void signIn() {
        helpdesk = agents.create(Role.HELPDESK);
    }

    ResultActions post(String url, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .header("Authorization", helpdesk.bearer()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    ResultActions get(String url) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .header("Authorization", helpdesk.bearer()));
    }

    static String ids(List<UserId> users) {
        return users.stream().map(u -> "\"" + u + "\"").reduce((a, b) -> a + "," + b).orElse("");
    }

    @Test
    void tooFewSeatsAnswers409WithThePerProductShortfallAndChangesNothing() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 1);
        List<UserId> users = t.users(3, "SE");

        post("/api/v1/customers/" + t.id() + "/licenseupdates", "{\"userIds\":[" + ids(users)
                + "],\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\",\"excludedPlans\":[]}]}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:insufficient-seats"))
                .andExpect(jsonPath("$.shortfalls[0].skuId").value(E3.toString()))
                .andExpect(jsonPath("$.shortfalls[0].needed").value(3))
                .andExpect(jsonPath("$.shortfalls[0].available").value(1));
        assertThat(t.activeAssignments(E3)).isZero();
        assertThat(t.changes()).isZero();
    }

    /** Polls a job until it is over; answers its final JSON. */
    String jobOver(String location) {
        return Polling.atMost(Duration.ofSeconds(60)).alias("the job " + location + " to end")
                .until(() -> get(location).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
                        body -> body.contains("\"SUCCEEDED\"") || body.contains("\"FAILED\""));
    }

    @Test
    void anAsyncChangeIsAJobWhoseResultIsTheStoredChangeAndItsUndoToo() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 3);
        List<UserId> users = t.users(3, "SE");
        String base = "/api/v1/customers/" + t.id();
        String body = "{\"userIds\":[" + ids(users) + "],\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}";

        // A bad request is refused at once, and nothing is queued
        post(base + "/licenseupdates?async=true", "{\"userIds\":[" + ids(users) + "],\"licensesToAssign\":"
                + "[{\"skuId\":\"" + UUID.randomUUID() + "\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:not-subscribed"));
        post(base + "/licenseupdates?async=true&preview=true", body)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("async"));

        // A good one answers 202 and a job, which applies it through the same path
        String location = post(base + "/licenseupdates?async=true", body)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(base + "/jobs/")))
                .andReturn().getResponse().getHeader("Location");
        String job = jobOver(location);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(job, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(job, "$.kind")).isEqualTo("license-change");
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(job, "$.result.succeeded")).isEqualTo(3);
        String changeId = com.jayway.jsonpath.JsonPath.read(job, "$.result.changeId");
        get(base + "/licensechanges/" + changeId).andExpect(status().isOk())
                .andExpect(jsonPath("$.succeeded").value(3));
        assertThat(t.activeAssignments(E3)).isEqualTo(3);
        assertThat(t.assigned(E3)).isEqualTo(3);

        // Too few seats fail the job with the shortfall; nothing changes
        Tenant small = fixture.tenant("SE", E3, 1);
        List<UserId> two = small.users(2, "SE");
        String failed = jobOver(post("/api/v1/customers/" + small.id() + "/licenseupdates?async=true",
                "{\"userIds\":[" + ids(two) + "],\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}")
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location"));
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(failed, "$.status")).isEqualTo("FAILED");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(failed, "$.error.code")).isEqualTo("insufficient-seats");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(failed, "$.error.message")).contains("needs 2");
        assertThat(small.activeAssignments(E3)).isZero();
        assertThat(small.changes()).isZero();

        // The undo as a job, once
        String undo = jobOver(post(base + "/licensechanges/" + changeId + "/undo?async=true", "")
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location"));
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(undo, "$.status")).isEqualTo("SUCCEEDED");
        assertThat(t.activeAssignments(E3)).isZero();
        assertThat(t.assigned(E3)).isZero();
        post(base + "/licensechanges/" + changeId + "/undo?async=true", "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:already-undone"));
    }

    @Test
    void previewChangesNothingAndApplyThenReturnsPerUserResults() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 5);
        List<UserId> users = t.users(2, "SE");
        String body = "{\"userIds\":[" + ids(users) + ",\"" + UUID.randomUUID() + "\"],\"licensesToAssign\":"
                + "[{\"skuId\":\"" + E3 + "\"}]}";

        post("/api/v1/customers/" + t.id() + "/licenseupdates?preview=true", body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preview").value(true))
                .andExpect(jsonPath("$.succeeded").value(2))
                .andExpect(jsonPath("$.products[0].needed").value(2));
        assertThat(t.activeAssignments(E3)).isZero();

        String answer = post("/api/v1/customers/" + t.id() + "/licenseupdates", body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").exists())
                .andExpect(jsonPath("$.succeeded").value(2))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.results", hasSize(3)))
                .andExpect(jsonPath("$.results[0].status").value("succeeded"))
                .andExpect(jsonPath("$.results[2].status").value("failed"))
                .andExpect(jsonPath("$.results[2].errors[0].code").value("UserNotFound"))
                .andReturn().getResponse().getContentAsString();
        String changeId = answer.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");

        get("/api/v1/customers/" + t.id() + "/licensechanges/" + changeId)
                .andExpect(status().isOk()).andExpect(jsonPath("$.succeeded").value(2));
        get("/api/v1/customers/" + t.id() + "/licensechanges?size=10")
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalCount").value(1))
                .andExpect(jsonPath("$.items[0].id").value(changeId))
                .andExpect(jsonPath("$.items[0].succeeded").value(2));
        get("/api/v1/customers/" + t.id() + "/licensechanges/" + changeId + "/results?page=1&size=2")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCount").value(3))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].errors[0].code").value("UserNotFound"));
        String csv = get("/api/v1/customers/" + t.id() + "/licensechanges/" + changeId + "/results.csv")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(4);
        assertThat(csv).contains("UserNotFound").contains(E3.toString());
    }

    @Test
    void aConflictNamesBothPlansAndTheirProductsAndAMissingPlanIsNamedInPreviewResultsAndCsv() throws Exception {
        Tenant t = fixture.tenant("US", E3, 5, EXCHANGE_PLAN_1, 5, DOMESTIC_CALLING, 5);
        UserId user = t.user("US");
        String base = "/api/v1/customers/" + t.id();
        post(base + "/users/" + user + "/licenseupdates", "{\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.succeeded").value(1));
        String body = "{\"userIds\":[\"" + user + "\"],\"licensesToAssign\":[{\"skuId\":\"" + EXCHANGE_PLAN_1
                + "\"},{\"skuId\":\"" + DOMESTIC_CALLING + "\"}]}";
        String conflict = "Exchange Online (Plan 1) in Exchange Online (Plan 1) conflicts with Exchange Online "
                + "(Plan 2) in Microsoft 365 E3, which the user has: switch one of the two plans off";
        String missing = "Microsoft 365 Domestic Calling Plan in Skype for Business PSTN Domestic Calling needs "
                + "Microsoft 365 Phone Standard Resource Account or Microsoft 365 Phone System, which the user does "
                + "not have: assign a product with it in the same change";

        // The preview says both, each with the plans and products it is about
        post(base + "/licenseupdates?preview=true", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.results[0].errors", hasSize(2)))
                .andExpect(jsonPath("$.results[0].errors[0].code").value("DependencyViolation"))
                .andExpect(jsonPath("$.results[0].errors[0].skuId").value(DOMESTIC_CALLING.toString()))
                .andExpect(jsonPath("$.results[0].errors[0].message").value(missing))
                .andExpect(jsonPath("$.results[0].errors[0].servicePlans", hasSize(3)))
                .andExpect(jsonPath("$.results[0].errors[0].servicePlans[0]").value(DOMESTIC_CALLING_PLAN.toString()))
                .andExpect(jsonPath("$.results[0].errors[0].servicePlans[2]").value(PHONE_SYSTEM.toString()))
                .andExpect(jsonPath("$.results[0].errors[0].products[0]").value(DOMESTIC_CALLING.toString()))
                .andExpect(jsonPath("$.results[0].errors[1].code").value("MutuallyExclusiveViolation"))
                .andExpect(jsonPath("$.results[0].errors[1].skuId").value(EXCHANGE_PLAN_1.toString()))
                .andExpect(jsonPath("$.results[0].errors[1].message").value(conflict))
                .andExpect(jsonPath("$.results[0].errors[1].servicePlans[0]").value(EXCHANGE_S_STANDARD.toString()))
                .andExpect(jsonPath("$.results[0].errors[1].servicePlans[1]").value(EXCHANGE_S_ENTERPRISE.toString()))
                .andExpect(jsonPath("$.results[0].errors[1].products[0]").value(EXCHANGE_PLAN_1.toString()))
                .andExpect(jsonPath("$.results[0].errors[1].products[1]").value(E3.toString()));

        // Applied, the stored results and the CSV say the same
        String answer = post(base + "/licenseupdates", body).andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].errors[1].message").value(conflict))
                .andReturn().getResponse().getContentAsString();
        String changeId = answer.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        get(base + "/licensechanges/" + changeId + "/results").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].errors[0].message").value(missing))
                .andExpect(jsonPath("$.items[0].errors[0].servicePlans[1]").value(PHONE_VIRTUAL_USER.toString()))
                .andExpect(jsonPath("$.items[0].errors[1].message").value(conflict))
                .andExpect(jsonPath("$.items[0].errors[1].servicePlans[1]").value(EXCHANGE_S_ENTERPRISE.toString()))
                .andExpect(jsonPath("$.items[0].errors[1].products[1]").value(E3.toString()));
        String csv = get(base + "/licensechanges/" + changeId + "/results.csv").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("DependencyViolation: " + missing).contains("MutuallyExclusiveViolation: " + conflict);
        assertThat(t.activeAssignments(EXCHANGE_PLAN_1)).isZero();
    }

    @Test
    void takingAwayWhatAKeptPlanNeedsNamesThePlanAndTheProductItCameWith() throws Exception {
        Tenant t = fixture.tenant("US", TEAMS_PHONE, 5, DOMESTIC_CALLING, 5);
        UserId user = t.user("US");
        String base = "/api/v1/customers/" + t.id();
        post(base + "/users/" + user + "/licenseupdates", "{\"licensesToAssign\":[{\"skuId\":\"" + TEAMS_PHONE
                + "\"},{\"skuId\":\"" + DOMESTIC_CALLING + "\"}]}").andExpect(jsonPath("$.succeeded").value(1));

        post(base + "/users/" + user + "/licenseupdates", "{\"licensesToRemove\":[\"" + TEAMS_PHONE + "\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.results[0].errors[0].code").value("DependencyViolation"))
                .andExpect(jsonPath("$.results[0].errors[0].message").value("Microsoft 365 Domestic Calling Plan in "
                        + "Skype for Business PSTN Domestic Calling needs Microsoft 365 Phone Standard Resource Account "
                        + "or Microsoft 365 Phone System, which the user loses with Microsoft Teams Phone Standard: "
                        + "keep it, or take Skype for Business PSTN Domestic Calling away too"))
                .andExpect(jsonPath("$.results[0].errors[0].products[0]").value(DOMESTIC_CALLING.toString()))
                .andExpect(jsonPath("$.results[0].errors[0].products[1]").value(TEAMS_PHONE.toString()));
        assertThat(t.activeAssignments(TEAMS_PHONE)).isEqualTo(1);
    }

    @Test
    void oneUsersLicensesWithPartnerCentersBodyAndTheLicensesList() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 5);
        UserId user = t.user("SE");

        post("/api/v1/customers/" + t.id() + "/users/" + user + "/licenseupdates",
                "{\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\",\"excludedPlans\":[\"" + EXCHANGE_S_ENTERPRISE
                        + "\"]}],\"licensesToRemove\":[]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.succeeded").value(1));

        get("/api/v1/customers/" + t.id() + "/users/" + user + "/licenses")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].skuId").value(E3.toString()))
                .andExpect(jsonPath("$[0].skuPartNumber").value("SPE_E3"))
                .andExpect(jsonPath("$[0].excludedPlans[0]").value(EXCHANGE_S_ENTERPRISE.toString()));
    }

    @Test
    void anotherTenantsUserOrChangeAnswers404() throws Exception {
        Tenant mine = fixture.tenant("SE", E3, 5);
        Tenant theirs = fixture.tenant("SE", E3, 5);
        UserId stranger = theirs.user("SE");

        post("/api/v1/customers/" + mine.id() + "/users/" + stranger + "/licenseupdates",
                "{\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}")
                .andExpect(status().isNotFound());
        get("/api/v1/customers/" + mine.id() + "/users/" + stranger + "/licenses").andExpect(status().isNotFound());
        get("/api/v1/customers/" + mine.id() + "/licensechanges/" + UUID.randomUUID())
                .andExpect(status().isNotFound());
        assertThat(theirs.activeAssignments(E3)).isZero();
    }

    @Test
    void undoRevertsAndASecondUndoIsRefused() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 5);
        List<UserId> users = t.users(2, "SE");
        String answer = post("/api/v1/customers/" + t.id() + "/licenseupdates", "{\"userIds\":[" + ids(users)
                + "],\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String changeId = answer.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");

        post("/api/v1/customers/" + t.id() + "/licensechanges/" + changeId + "/undo", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.succeeded").value(2));
        post("/api/v1/customers/" + t.id() + "/licensechanges/" + changeId + "/undo", "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:already-undone"));
        assertThat(t.activeAssignments(E3)).isZero();
        assertThat(t.assigned(E3)).isZero();
    }

    @Test
    void theSummaryByQueryAndByFilter() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 5, EXCHANGE_PLAN_1, 5);
        List<UserId> users = t.users(2, "SE");
        post("/api/v1/customers/" + t.id() + "/licenseupdates", "{\"userIds\":[\"" + users.get(0)
                + "\"],\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}").andExpect(status().isOk());

        get("/api/v1/customers/" + t.id() + "/licensesummary?userIds=" + users.get(0) + "," + users.get(1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.selectedUsers").value(2))
                .andExpect(jsonPath("$.products[?(@.skuPartNumber == 'SPE_E3')].state").value("some"))
                .andExpect(jsonPath("$.products[?(@.skuPartNumber == 'SPE_E3')].available").value(4));
        post("/api/v1/customers/" + t.id() + "/licensesummary", "{\"filter\":{\"type\":\"licensed\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.selectedUsers").value(1))
                .andExpect(jsonPath("$.products[?(@.skuPartNumber == 'SPE_E3')].state").value("all"));
        get("/api/v1/customers/" + t.id() + "/licensesummary/" + E3 + "/users?filter=all")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCount").value(1))
                .andExpect(jsonPath("$.items[0].userId").value(users.get(0).toString()));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        Tenant t = fixture.tenant("SE", E3, 5);
        UserId user = t.user("SE");
        String url = "/api/v1/customers/" + t.id() + "/licenseupdates";

        post(url, "{\"userIds\":[\"" + user + "\"],\"licensesToAssign\":[{\"skuId\":\"nope\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("licensesToAssign[0].skuId"));
        post(url, "{\"userIds\":[\"" + user + "\"],\"licensesToAssign\":[{\"skuId\":\"" + E3
                + "\",\"excludedPlans\":[\"" + UUID.randomUUID() + "\"]}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:unknown-plan"));
        post(url, "{\"userIds\":[\"" + user + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("licensesToAssign"));
        post(url, "{\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("userIds"));
        post(url, "{\"filter\":{\"type\":\"sometimes\"},\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("filter.type"));
        post(url, "{\"userIds\":[\"" + user + "\"],\"licensesToAssign\":[{\"skuId\":\"" + EXCHANGE_PLAN_1 + "\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:seatwise:problem:not-subscribed"));
        post(url, "{\"userIds\":[\"" + user + "\"],\"licensesToAssign\":[{\"skuId\":\"" + E3
                + "\"}],\"licensesToRemove\":[\"" + E3 + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("licensesToRemove"));
        post(url, "[1,2]").andExpect(status().isBadRequest());
        assertThat(t.changes()).isZero();
        assertThat(t.activeAssignments(E3)).isZero();
    }
}
