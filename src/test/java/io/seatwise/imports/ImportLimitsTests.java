package io.seatwise.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.customers.CustomerId;
import io.seatwise.jobs.Job;
import io.seatwise.jobs.JobContext;
import io.seatwise.jobs.JobId;
import io.seatwise.jobs.JobStatus;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.shared.Ids;
import io.seatwise.support.Polling;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11, points 1 and 6: an import's report is bounded and honest (the first 1,000 problems with the true count;
 * license failures are failed users, never successes; progress counts work done in every step), and at most
 * {@code seatwise.limits.imports-per-customer} imports of one customer run at once.
 */
abstract class ImportLimitsTests extends ApiTestSupport {

    @Autowired
    LicensingFixture fixture;
    @Autowired
    ImportSlots slots;
    @Autowired
    UserImportJobs importJobs;
    @Autowired
    io.seatwise.licensing.LicenseChangeJobs licenseJobs;

    Signed helpdesk;
    Tenant tenant;

    @BeforeEach
    void tenantWithTwoE3Seats() {
        helpdesk = agents.create(Role.HELPDESK);
        tenant = fixture.tenant("SE", LicensingFixture.E3, 2);
    }

    String base() {
        return "/api/v1/customers/" + tenant.id();
    }

    ResultActions importFile(byte[] file, String query) throws Exception {
        return mvc.perform(multipart(base() + "/users/import" + query)
                .file(new MockMultipartFile("file", "users.csv", "text/csv", file))
                .header("Authorization", helpdesk.bearer()));
    }

    /** {@code n} rows; those for which {@code bad} holds have a user name outside the customer's domains. */
    byte[] file(int n, java.util.function.IntPredicate bad, String licenses) {
        StringBuilder csv = new StringBuilder("Display name;User name;Licenses\n");
        for (int i = 0; i < n; i++) {
            csv.append("User ").append(i).append(';').append("u").append(i).append('-')
                    .append(UUID.randomUUID().toString(), 0, 6).append('@')
                    .append(bad.test(i) ? "elsewhere.example" : tenant.domain()).append(';').append(licenses)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    long users() {
        return count("SELECT count(*) FROM app_user WHERE customer_id = ?", tenant.id().value());
    }

    @Test
    void aSynchronousReportListsTheFirstThousandProblemsWithTheTrueCounts() throws Exception {
        // Given a file of 2,500 rows, every one refused
        byte[] bad = file(2_500, i -> true, "");

        // When it is validated, and when it is imported
        for (String query : List.of("?validateOnly=true", "")) {
            importFile(bad, query).andExpect(status().isOk())
                    // Then the counts are the file's, the list is its first 1,000 problems in line order
                    .andExpect(jsonPath("$.rows").value(2_500))
                    .andExpect(jsonPath("$.rejected").value(2_500))
                    .andExpect(jsonPath("$.problemCount").value(2_500))
                    .andExpect(jsonPath("$.problems.length()").value(1_000))
                    .andExpect(jsonPath("$.problems[0].line").value(2))
                    .andExpect(jsonPath("$.problems[999].line").value(1_001))
                    .andExpect(jsonPath("$.problems[0].code").value("domain-not-owned"));
        }
        assertThat(users()).isZero();
    }

    @Test
    void theFirstProblemsAreTheLowestLinesEvenWhenAnAlreadyExistingNameIsFoundLater() throws Exception {
        // Given a user that exists, and a file whose first row names it again, followed by 1,200 bad rows
        String taken = "taken-" + UUID.randomUUID().toString().substring(0, 6) + "@" + tenant.domain();
        importFile(("Display name;User name\nTaken;" + taken + "\n").getBytes(StandardCharsets.UTF_8), "")
                .andExpect(jsonPath("$.created").value(1));
        StringBuilder csv = new StringBuilder("Display name;User name\nAgain;" + taken + "\n");
        for (int i = 0; i < 1_200; i++) {
            csv.append("Bad;bad").append(i).append("@elsewhere.example\n");
        }

        // Then line 2's "already exists" (found after the next 999 rows were checked) is the first listed
        importFile(csv.toString().getBytes(StandardCharsets.UTF_8), "?validateOnly=true")
                .andExpect(jsonPath("$.problemCount").value(1_201))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].code").value("already-exists"))
                .andExpect(jsonPath("$.problems[999].line").value(1_001));
    }

    @Test
    void licenseFailuresAreTheUsersWhoFailedNeverTheOnesWhoSucceeded() throws Exception {
        // Given 2 seats of E3 and an async import of 1,500 users who each ask for E3
        String location = importFile(file(1_500, i -> false, "spe_e3"), "?async=true")
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");

        // When the job is over
        String job = awaitOver(location);

        // Then 2 got it and 1,498 failed; the list holds the first 1,000 failed users, none of whom holds E3
        assertThat((Integer) JsonPath.read(job, "$.result.created")).isEqualTo(1_500);
        assertThat((Integer) JsonPath.read(job, "$.result.licensesGiven")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(job, "$.result.licensesFailed")).isEqualTo(1_498);
        List<Map<String, Object>> failed = JsonPath.read(job, "$.result.licenseFailures");
        assertThat(failed).hasSize(1_000);
        List<UUID> failedIds = failed.stream().map(f -> UUID.fromString((String) f.get("userId"))).toList();
        assertThat(failed).allSatisfy(f -> assertThat(JsonPath.<String>read(f, "$.errors[0].code"))
                .isEqualTo("CountViolation"));
        long holding = jdbc.sql("SELECT count(*) FROM license_assignment WHERE customer_id = :c AND sku_id = :sku "
                        + "AND state = 'ACTIVE'")
                .param("c", tenant.id().value()).param("sku", LicensingFixture.E3.value()).query(Long.class).single();
        assertThat(holding).isEqualTo(2);
        long failedHolding = jdbc.sql("SELECT count(*) FROM license_assignment WHERE customer_id = :c "
                        + "AND state = 'ACTIVE' AND user_id IN (:ids)")
                .param("c", tenant.id().value()).param("ids", failedIds).query(Long.class).single();
        assertThat(failedHolding).as("users listed as failed hold no license").isZero();
    }

    @Test
    void aQueuedImportTellsItsProgressAsWorkIsDoneInEveryStep() throws Exception {
        // Given a file of 2,500 rows (500 refused, 2,000 asking for E3), queued as the API queues it: no draft
        byte[] csv = file(2_500, i -> i % 5 == 0, "spe_e3");
        Path input = Files.createTempFile("import", ".csv");
        Files.write(input, csv);
        Job job = new Job(tenant.id(), new JobId(Ids.next()), UserImportJobs.KIND, JobStatus.RUNNING, "test", "f",
                null, Instant.now(), Instant.now(), null, 1, null, 0, 0, null, null, null, "");
        Recorder recorder = new Recorder(job, input);

        // When it runs
        SystemActor.call(() -> importJobs.run(recorder));

        // Then every report says the truth: never more done than the total, never 100 % before the work is done
        assertThat(recorder.steps).isNotEmpty().allSatisfy(s -> assertThat(s.done()).isLessThanOrEqualTo(s.total()));
        List<Step> checking = recorder.of("checking");
        assertThat(checking.stream().filter(s -> s.total() > 0)).as("checking counts to the file's rows")
                .allSatisfy(s -> assertThat(s.total()).isEqualTo(2_500));
        assertThat(checking.get(checking.size() - 1).done()).isEqualTo(2_500);
        assertThat(checking.stream().filter(s -> s.done() > 0 && s.done() < 2_500)).isNotEmpty();
        List<Step> creating = recorder.of("creating");
        assertThat(creating).isNotEmpty().allSatisfy(s -> assertThat(s.total()).isEqualTo(2_000));
        assertThat(creating.get(0).done()).isLessThan(2_000);
        assertThat(creating.get(creating.size() - 1).done()).isEqualTo(2_000);
        List<Step> licensing = recorder.of("licensing");
        assertThat(licensing.get(0).done()).isZero();
        assertThat(licensing).allSatisfy(s -> assertThat(s.total()).isEqualTo(2_000));
        assertThat(licensing.get(licensing.size() - 1).done()).isEqualTo(2_000);
        Files.deleteIfExists(input);
    }

    @Test
    void aLicenseChangeJobTellsItsProgressChunkByChunk() throws Exception {
        // Given 25,000 users (the engine works through 20,000 at a time) and a change of all of them, as a job
        Tenant big = fixture.tenant("SE", LicensingFixture.E3, 25_000);
        big.bulkUsers(25_000, "SE");
        Path input = Files.createTempFile("change", ".json");
        Files.writeString(input, "{\"op\":\"apply\",\"filter\":{\"type\":\"ALL\"},\"assign\":[{\"skuId\":\"" + E3
                + "\",\"excludedPlans\":[]}],\"remove\":[]}");
        Job job = new Job(big.id(), new JobId(Ids.next()), io.seatwise.licensing.LicenseChangeJobs.KIND,
                JobStatus.RUNNING, "test", "change", "{\"op\":\"apply\",\"users\":25000}", Instant.now(),
                Instant.now(), null, 1, null, 0, 0, null, null, null, "");
        Recorder recorder = new Recorder(job, input);

        // When it runs
        SystemActor.call(() -> licenseJobs.run(recorder));

        // Then it told 0, then each chunk of users done, up to all of them
        List<Long> done = recorder.of("applying").stream().map(Step::done).toList();
        assertThat(done).containsExactly(0L, 20_000L, 25_000L);
        assertThat(recorder.of("applying")).allSatisfy(s -> assertThat(s.total()).isEqualTo(25_000));
        assertThat(big.assigned(LicensingFixture.E3)).isEqualTo(25_000);
        Files.deleteIfExists(input);
    }

    @Test
    void aThirdImportOfOneCustomerAtOnceIsRefusedWith429AndNothingChanges() throws Exception {
        // Given two imports of the customer running (two held slots)
        byte[] one = file(1, i -> false, "");
        try (ImportSlots.Slot a = slots.take(tenant.id()); ImportSlots.Slot b = slots.take(tenant.id())) {
            // When a third comes, synchronous or queued
            for (String query : List.of("", "?validateOnly=true", "?async=true")) {
                importFile(one, query)
                        // Then it is refused with when to try again, and nothing is created or queued
                        .andExpect(problem(429, "too-many-imports"))
                        .andExpect(header().string("Retry-After", "30"));
            }
            assertThat(users()).isZero();
            assertThat(count("SELECT count(*) FROM job WHERE customer_id = ?", tenant.id().value())).isZero();

            // And another customer's import is not held up
            Tenant other = fixture.tenant("SE", LicensingFixture.E3, 1);
            mvc.perform(multipart("/api/v1/customers/" + other.id() + "/users/import")
                            .file(new MockMultipartFile("file", "u.csv", "text/csv",
                                    ("Display name;User name\nA;a@" + other.domain() + "\n")
                                            .getBytes(StandardCharsets.UTF_8)))
                            .header("Authorization", helpdesk.bearer()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        }

        // When the two are over, the import goes through
        importFile(one, "").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        assertThat(count("SELECT count(*) FROM import_slot WHERE customer_id = ?", tenant.id().value()))
                .as("every slot was given back").isZero();
    }

    @Test
    void aQueuedOrRunningImportJobTakesASlot() throws Exception {
        // Given one slot held and one import job running (on another node, say)
        insertRunningImportJob(tenant.id());
        try (ImportSlots.Slot held = slots.take(tenant.id())) {
            // Then a further import is refused
            importFile(file(1, i -> false, ""), "").andExpect(problem(429, "too-many-imports"));
        }
        // And with the slot given back, one more fits
        importFile(file(1, i -> false, ""), "").andExpect(status().isOk());
    }

    @Test
    void aSlotOfANodeThatDiedExpires() throws Exception {
        // Given two slots whose node died long ago
        for (int i = 0; i < 2; i++) {
            jdbc.sql("INSERT INTO import_slot (customer_id, id, expires_at) VALUES (:c, :id, :at)")
                    .param("c", tenant.id().value()).param("id", Ids.next())
                    .param("at", java.sql.Timestamp.from(Instant.now().minusSeconds(60))).update();
        }
        // Then they do not count
        importFile(file(1, i -> false, ""), "").andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
    }

    private void insertRunningImportJob(CustomerId customer) {
        jdbc.sql("""
                INSERT INTO job (customer_id, id, kind, status, owner_name, owner_ref, created_at, queued_at,
                  started_at, claimed_by, heartbeat_at, attempts)
                VALUES (:c, :id, :kind, 'RUNNING', 'other', 'other', :now, :now, :now, 'another-node', :far, 1)
                """)
                .param("c", customer.value()).param("id", Ids.next()).param("kind", UserImportJobs.KIND)
                .param("now", java.sql.Timestamp.from(Instant.now()))
                // beating far in the future, so no runner of this test's server claims it as stale
                .param("far", java.sql.Timestamp.from(Instant.now().plusSeconds(3_600))).update();
    }

    private String awaitOver(String location) {
        return Polling.atMost(Duration.ofSeconds(120)).alias("the job " + location + " to end")
                .until(() -> getAs(helpdesk, location).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8), body -> {
                    String status = JsonPath.read(body, "$.status");
                    return status.equals("SUCCEEDED") || status.equals("FAILED");
                });
    }

    record Step(String step, long done, long total) {
    }

    /** A job context that keeps every progress report. */
    static final class Recorder implements JobContext {

        final List<Step> steps = new CopyOnWriteArrayList<>();
        private final Job job;
        private final Path input;

        Recorder(Job job, Path input) {
            this.job = job;
            this.input = input;
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public Path input() {
            return input;
        }

        @Override
        public void progress(String step, long done, long total) {
            steps.add(new Step(step, done, total));
        }

        List<Step> of(String step) {
            return new ArrayList<>(steps.stream().filter(s -> s.step().equals(step)).toList());
        }
    }
}
