package io.seatwise.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs jobs on this instance, one at a time (each is heavy, and cores are few): claims the oldest waiting job —
 * or one whose instance went silent for {@code seatwise.jobs.stale-after} (a crash, a restart) — and runs its
 * handler as its owner. The handler's work and the job's success commit together, and only while this attempt
 * still holds the job (its attempt number is the fencing token), so a job run again never runs twice to the end.
 * A job claimed more than {@value #MAX_ATTEMPTS} times fails instead of running again.
 */
@Component
class JobRunner {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobRunner.class);

    /** Thrown inside the job's transaction when the attempt lost the job: its work is rolled back. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("the job was claimed by another attempt", null, false, false);
        }
    }

    private final JobRepository repository;
    private final ObjectProvider<JobHandler> handlers;
    private final JobOwners owners;
    private final TransactionTemplate tx;
    private final TransactionTemplate separate;
    private final Duration staleAfter;
    private final String node = "node-" + Ids.next();
    /** The live security context of jobs started here, used instead of restoring the owner while this runs. */
    private final Map<JobId, Authentication> live = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "seatwise-jobs");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;

    JobRunner(JobRepository repository, ObjectProvider<JobHandler> handlers, JobOwners owners,
            PlatformTransactionManager transactions,
            @Value("${seatwise.jobs.stale-after:60s}") Duration staleAfter) {
        this.repository = repository;
        this.handlers = handlers;
        this.owners = owners;
        this.tx = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.staleAfter = staleAfter;
    }

    /** This instance's name in {@code job.claimed_by}. */
    String node() {
        return node;
    }

    void remember(JobId id, Authentication authentication) {
        live.put(id, authentication);
    }

    /** Runs waiting jobs on the worker thread, unless it is at it already. */
    void wake() {
        if (stopped || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                try {
                    while (!stopped && runOne()) {
                        // next
                    }
                } finally {
                    draining.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            draining.set(false);
        }
    }

    /** Every couple of seconds: jobs queued by another instance, or left by a stopped one. */
    @Scheduled(fixedDelayString = "${seatwise.jobs.poll:2s}", initialDelayString = "${seatwise.jobs.poll:2s}")
    void poll() {
        wake();
    }

    /** Every few seconds: the jobs running here are alive. */
    @Scheduled(fixedDelayString = "${seatwise.jobs.heartbeat:10s}")
    void beat() {
        if (!stopped) {
            separate.executeWithoutResult(s -> repository.beat(node, Instant.now()));
        }
    }

    /** Claims and runs one job; false when none was waiting. */
    boolean runOne() {
        Instant now = Instant.now();
        java.util.Set<String> kinds = handlers.orderedStream().map(JobHandler::kind)
                .collect(java.util.stream.Collectors.toSet());
        Optional<JobRepository.Claimed> claimed = separate.execute(s -> repository.claim(node, kinds, now,
                now.minus(staleAfter)));
        if (claimed == null || claimed.isEmpty()) {
            return false;
        }
        run(claimed.get());
        return true;
    }

    private void run(JobRepository.Claimed claimed) {
        Job job = claimed.job();
        int attempt = claimed.attempt();
        if (attempt > MAX_ATTEMPTS) {
            fail(claimed, "job-interrupted", "the job was interrupted " + (attempt - 1)
                    + " times (the server stopped while it ran); start it again");
            return;
        }
        JobHandler handler = handler(job.kind());
        if (handler == null) {
            fail(claimed, "job-unknown", "no handler for jobs of kind " + job.kind());
            return;
        }
        Authentication owner = Optional.ofNullable(live.remove(job.id()))
                .or(() -> owners.restore(claimed.ownerRef())).orElse(null);
        if (owner == null) {
            fail(claimed, "job-owner-gone", "the person who started the job may no longer act");
            return;
        }
        Path input = null;
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            input = copyInput(job);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(owner);
            SecurityContextHolder.setContext(context);
            Context ctx = new Context(job, attempt, input);
            String result = tx.execute(s -> {
                String r = handler.run(ctx);
                if (!repository.finish(job, attempt, JobStatus.SUCCEEDED, r, null, null, Instant.now())) {
                    throw new LostClaim();
                }
                repository.deleteInput(job.customerId(), job.id());
                return r;
            });
            log.debug("job {} ({}) succeeded: {}", job.id(), job.kind(), result);
        } catch (LostClaim e) {
            log.warn("job {} ({}) was taken by another attempt; this attempt's work was rolled back", job.id(),
                    job.kind());
        } catch (DomainException e) {
            fail(claimed, e.type(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("job {} ({}) failed", job.id(), job.kind(), e);
            fail(claimed, "job-failed", "the job failed: " + e.getMessage());
        } finally {
            SecurityContextHolder.setContext(before);
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException e) {
                    log.warn("could not delete {}", input, e);
                }
            }
        }
    }

    private JobHandler handler(String kind) {
        return handlers.orderedStream().filter(h -> h.kind().equals(kind)).findFirst().orElse(null);
    }

    private void fail(JobRepository.Claimed claimed, String code, String message) {
        separate.executeWithoutResult(s -> {
            if (repository.finish(claimed.job(), claimed.attempt(), JobStatus.FAILED, null, code, message,
                    Instant.now())) {
                repository.deleteInput(claimed.job().customerId(), claimed.job().id());
            }
        });
    }

    private Path copyInput(Job job) {
        try {
            Path file = Files.createTempFile("seatwise-job-", ".in");
            boolean any;
            try (OutputStream out = Files.newOutputStream(file)) {
                any = Boolean.TRUE.equals(separate.execute(s -> repository.copyInput(job.customerId(), job.id(),
                        out)));
            }
            if (!any) {
                Files.deleteIfExists(file);
                return null;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a handler sees of its run; progress goes out in its own transaction, at most twice a second. */
    private final class Context implements JobContext {

        private final Job job;
        private final int attempt;
        private final Path input;
        private volatile long lastWrite;

        Context(Job job, int attempt, Path input) {
            this.job = job;
            this.attempt = attempt;
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
            long now = System.nanoTime();
            if (now - lastWrite < PROGRESS_EVERY.toNanos() && done < total) {
                return;
            }
            lastWrite = now;
            Boolean held = separate.execute(s -> repository.progress(job, attempt, step, done, total,
                    Instant.now()));
            if (!Boolean.TRUE.equals(held)) {
                throw new LostClaim();
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        worker.shutdownNow();
    }
}
