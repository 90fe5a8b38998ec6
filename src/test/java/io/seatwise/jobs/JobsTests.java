package io.seatwise.jobs;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.seatwise.access.ApiTestSupport;
import io.seatwise.access.Role;
import io.seatwise.access.TestAgents.Signed;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.imports.UserImportJobs;
import io.seatwise.support.Polling;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs survive a restart (targets.md): a job left running by an instance that stopped is claimed again and run
 * from the start as its owner; a claimed job is skipped by the other instances; an attempt that lost its job
 * commits nothing; a job interrupted too often, or whose owner may no longer act, fails. Both databases.
 */
abstract class JobsTests extends ApiTestSupport {

    @Autowired
    LicensingFixture fixture;
    @Autowired
    JobRepository repository;
    @Autowired
    JobRunner runner;
    @Autowired
    JobOwners owners;
    @Autowired
    PlatformTransactionManager transactions;

    Signed helpdesk;
    Tenant tenant;
    String domain;

    @BeforeEach
    void tenant() {
        helpdesk = agents.create(Role.HELPDESK);
        tenant = fixture.tenant("SE", LicensingFixture.E3, 5);
        domain = jdbc.sql("SELECT domain_name FROM customer_domain WHERE customer_id = ?")
                .param(tenant.id().value()).query(String.class).single();
    }

    byte[] threeUsers() {
        return ("Display name,User name,Usage location,Licenses\n"
                + "Ann Lee,ann@" + domain + ",SE,SPE_E3\n"
                + "Bo Ek,bo@" + domain + ",SE,\n"
                + "Cy Do,cy@" + domain + ",NO,SPE_E3\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A job as a server that stopped while running it leaves it: running, claimed, silent for ten minutes. */
    JobId stranded(String kind, String ownerRef, int attempts, byte[] input) {
        JobId id = new JobId(UUID.randomUUID());
        Instant then = Instant.now().minus(Duration.ofMinutes(10));
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            repository.insert(tenant.id(), id, kind, JobStatus.QUEUED, helpdesk.email(), ownerRef, "users.csv",
                    null, then);
            repository.storeInput(tenant.id(), id, new ByteArrayInputStream(input));
            jdbc.sql("""
                    UPDATE job SET status = 'RUNNING', claimed_by = 'node-that-stopped', heartbeat_at = ?,
                                   started_at = ?, attempts = ?, step = 'creating', progress_done = 2
                    WHERE customer_id = ? AND id = ?
                    """).params(Timestamp.from(then), Timestamp.from(then), attempts, tenant.id().value(), id.value())
                    .update();
        });
        return id;
    }

    Job awaitOver(JobId id) {
        return Polling.atMost(Duration.ofSeconds(60)).alias("job " + id + " to end").until(() -> {
            runner.wake();
            return repository.find(tenant.id(), id).orElseThrow();
        }, Job::over);
    }

    long users() {
        return count("SELECT count(*) FROM app_user WHERE customer_id = ?", tenant.id().value());
    }

    @Test
    void aJobLeftRunningByAStoppedServerIsRunAgainFromTheStartAsItsOwner() throws Exception {
        // Given an import that a server was running when it stopped (its work rolled back with it)
        JobId id = stranded(UserImportJobs.KIND, "agent:" + helpdesk.email(), 1, threeUsers());

        // When an instance looks for work
        Job job = awaitOver(id);

        // Then it ran again, to the end, once, as the agent who started it
        assertThat(job.status()).as(job.errorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.attempts()).isEqualTo(2);
        assertThat(job.result()).contains("\"created\":3");
        assertThat(users()).isEqualTo(3);
        assertThat(tenant.assigned(LicensingFixture.E3)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT created_by FROM password_sheet WHERE customer_id = ?")
                .param(tenant.id().value()).query(String.class).single()).isEqualTo(helpdesk.email());
        assertThat(jdbc.sql("SELECT actor FROM activity_log WHERE customer_id = ? AND action = 'users.imported'")
                .param(tenant.id().value()).query(String.class).single()).isEqualTo(helpdesk.email());
        assertThat(count("SELECT count(*) FROM job_payload WHERE customer_id = ?", tenant.id().value())).isZero();
    }

    @Test
    void aJobStillBeatingOnItsInstanceIsLeftToIt() {
        JobId id = stranded(UserImportJobs.KIND, "agent:" + helpdesk.email(), 1, threeUsers());
        jdbc.sql("UPDATE job SET heartbeat_at = ? WHERE id = ?").params(Timestamp.from(Instant.now()), id.value())
                .update();
        Instant now = Instant.now();
        Optional<JobRepository.Claimed> claimed = new TransactionTemplate(transactions).execute(s ->
                repository.claim("node-other", java.util.Set.of(UserImportJobs.KIND), now,
                        now.minus(Duration.ofSeconds(60))));
        assertThat(claimed).isEmpty();
        assertThat(repository.find(tenant.id(), id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aJobInterruptedTooOftenFailsInsteadOfRunningAgain() throws Exception {
        JobId id = stranded(UserImportJobs.KIND, "agent:" + helpdesk.email(), JobAttempts.MAX_ATTEMPTS, threeUsers());
        Job job = awaitOver(id);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorCode()).isEqualTo("job-interrupted");
        assertThat(users()).isZero();
        assertThat(count("SELECT count(*) FROM job_payload WHERE customer_id = ?", tenant.id().value())).isZero();
    }

    @Test
    void aJobWhoseOwnerMayNoLongerActFailsAndDoesNothing() throws Exception {
        agents.setEnabled(helpdesk.agent(), false);
        JobId disabled = stranded(UserImportJobs.KIND, "agent:" + helpdesk.email(), 1, threeUsers());
        JobId unknown = stranded(UserImportJobs.KIND, "agent:nobody-" + UUID.randomUUID() + "@example.test", 1,
                threeUsers());
        JobId none = stranded(UserImportJobs.KIND, "", 1, threeUsers());
        for (JobId id : new JobId[] {disabled, unknown, none}) {
            Job job = awaitOver(id);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.errorCode()).isEqualTo("job-owner-gone");
        }
        assertThat(users()).isZero();
    }

    @Test
    void aJobClaimedByOneInstanceIsSkippedByAnother() throws Exception {
        // Given a queued job of a kind no instance runs by itself
        JobId id = new JobId(UUID.randomUUID());
        String kind = "test-claim-" + id.value().toString().substring(24);
        new TransactionTemplate(transactions).executeWithoutResult(s -> repository.insert(tenant.id(), id,
                kind, JobStatus.QUEUED, helpdesk.email(), "", null, null, Instant.now()));
        var kinds = java.util.Set.of(kind);

        // When one instance claims it and has not committed yet
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<JobRepository.Claimed>> first = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(s -> {
                    Optional<JobRepository.Claimed> c = repository.claim("node-a", kinds, Instant.now(),
                            Instant.now().minusSeconds(60));
                    claimed.countDown();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return c;
                }));
        assertThat(claimed.await(20, TimeUnit.SECONDS)).isTrue();

        // Then another instance skips it at once rather than waiting or taking it too
        Optional<JobRepository.Claimed> second = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(s -> repository.claim("node-b", kinds, Instant.now(),
                        Instant.now().minusSeconds(60)))).get(10, TimeUnit.SECONDS);
        release.countDown();
        assertThat(second).isEmpty();
        assertThat(first.get(20, TimeUnit.SECONDS)).isPresent();
        Job job = repository.find(tenant.id(), id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT claimed_by FROM job WHERE id = ?").param(id.value()).query(String.class)
                .single()).isEqualTo("node-a");
    }

    @Test
    void anInputOfSeveralPiecesComesBackWhole() {
        byte[] input = new byte[JobRepository.PIECE * 2 + 12_345];
        new java.util.Random(5).nextBytes(input);
        JobId id = new JobId(UUID.randomUUID());
        java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            repository.insert(tenant.id(), id, "test-pieces", JobStatus.DRAFT, helpdesk.email(), "", null, null,
                    Instant.now());
            assertThat(repository.storeInput(tenant.id(), id, new ByteArrayInputStream(input)))
                    .isEqualTo(input.length);
            assertThat(repository.copyInput(tenant.id(), id, copy)).isTrue();
        });
        assertThat(count("SELECT count(*) FROM job_payload WHERE job_id = ?", id.value())).isEqualTo(3);
        assertThat(copy.toByteArray()).isEqualTo(input);
    }

    @Test
    void oneCustomersLongJobLeavesTheOtherWorkerToOtherCustomersAndItsNextJobWaits() throws Exception {
        // Given a runner with two workers, and customer A's job that runs until it is let go
        String kind = "test-fair-" + UUID.randomUUID().toString().substring(24);
        CountDownLatch aRunning = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        java.util.List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public String run(JobContext context) {
                ran.add(context.job().name());
                if (context.job().name().equals("a1")) {
                    aRunning.countDown();
                    try {
                        letGo.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return "{}";
            }
        };
        JobRunner twoWorkers = new JobRunner(repository,
                new StaticListableBeanFactory(Map.of("fair", handler)).getBeanProvider(JobHandler.class), owners,
                transactions, Duration.ofSeconds(60), Duration.ofSeconds(10), 2);
        Tenant other = fixture.tenant("SE", LicensingFixture.E3, 1);
        JobId a1 = queue(tenant, kind, "a1", Instant.now().minusSeconds(3));
        JobId a2 = queue(tenant, kind, "a2", Instant.now().minusSeconds(2));
        JobId b1 = queue(other, kind, "b1", Instant.now().minusSeconds(1));
        try {
            twoWorkers.wake();
            assertThat(aRunning.await(20, TimeUnit.SECONDS)).isTrue();

            // When the other worker looks for work while A's first job runs
            twoWorkers.wake();
            Polling.atMost(Duration.ofSeconds(60)).until(() -> repository.find(other.id(), b1).orElseThrow().over());

            // Then customer B's job, queued after A's second, ran; A's second waits for A's first
            assertThat(repository.find(other.id(), b1).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(repository.find(tenant.id(), a2).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
            assertThat(ran).containsExactly("a1", "b1");

            // And once A's first is over, A's second runs
            letGo.countDown();
            Polling.atMost(Duration.ofSeconds(60)).until(() -> {
                twoWorkers.wake();
                return repository.find(tenant.id(), a2).orElseThrow().over();
            });
            assertThat(repository.find(tenant.id(), a1).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(repository.find(tenant.id(), a2).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(ran).containsExactly("a1", "b1", "a2");
        } finally {
            letGo.countDown();
            twoWorkers.stop();
        }
    }

    private JobId queue(Tenant customer, String kind, String name, Instant at) {
        JobId id = new JobId(UUID.randomUUID());
        new TransactionTemplate(transactions).executeWithoutResult(s -> repository.insert(customer.id(), id, kind,
                JobStatus.QUEUED, helpdesk.email(), "agent:" + helpdesk.email(), name, null, at));
        return id;
    }

    @Test
    void aJobRunningWhenItsServerStopsGoesBackToTheQueueUncounted() throws Exception {
        // Given a runner busy with a job that runs until it is interrupted
        String kind = "test-stop-" + UUID.randomUUID().toString().substring(24);
        CountDownLatch running = new CountDownLatch(1);
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public String run(JobContext context) {
                running.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
                return "{}";
            }
        };
        JobRunner other = new JobRunner(repository,
                new StaticListableBeanFactory(Map.of("stop", handler)).getBeanProvider(JobHandler.class), owners,
                transactions, Duration.ofSeconds(60), Duration.ofSeconds(10));
        JobId id = new JobId(UUID.randomUUID());
        new TransactionTemplate(transactions).executeWithoutResult(s -> repository.insert(tenant.id(), id, kind,
                JobStatus.QUEUED, helpdesk.email(), "agent:" + helpdesk.email(), null, null, Instant.now()));
        other.wake();
        assertThat(running.await(20, TimeUnit.SECONDS)).isTrue();

        // When its server stops
        other.stop();

        // Then the job waits in the queue for the next instance, this attempt not counted
        Job job = repository.find(tenant.id(), id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.attempts()).isZero();
        assertThat(job.errorCode()).isNull();
    }

    @Test
    void anAttemptThatLostItsJobCommitsNothing() {
        // Given a runner whose handler writes, then finds its job taken by another attempt meanwhile
        String kind = "test-fence-" + UUID.randomUUID().toString().substring(24);
        String mark = "fence-" + UUID.randomUUID();
        TransactionTemplate separate = new TransactionTemplate(transactions);
        separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        JobHandler handler = new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public String run(JobContext context) {
                jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, 'test')")
                        .params(mark, Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
                separate.executeWithoutResult(s -> jdbc.sql("UPDATE job SET attempts = attempts + 1 WHERE id = ?")
                        .param(context.job().id().value()).update());
                return "{}";
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("fence", handler));
        JobRunner other = new JobRunner(repository, beans.getBeanProvider(JobHandler.class), owners, transactions,
                Duration.ofSeconds(60), Duration.ofSeconds(10));
        JobId id = new JobId(UUID.randomUUID());
        new TransactionTemplate(transactions).executeWithoutResult(s -> repository.insert(tenant.id(), id, kind,
                JobStatus.QUEUED, helpdesk.email(), "agent:" + helpdesk.email(), null, null, Instant.now()));

        // When it runs the job
        try {
            assertThat(other.runOne()).isTrue();
        } finally {
            other.stop();
        }

        // Then its write was rolled back and the job was not marked succeeded by it
        assertThat(count("SELECT count(*) FROM shedlock WHERE name = ?", mark)).isZero();
        Job job = repository.find(tenant.id(), id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.attempts()).isEqualTo(2);
    }
}
