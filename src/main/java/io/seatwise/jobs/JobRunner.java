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
import java.util.concurrent.atomic.AtomicInteger;

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
 * Runs jobs on this instance, on {@code seatwise.jobs.workers} threads (2: each job is heavy and cores are few, yet
 * one customer's long job must not hold up every other customer's): claims the oldest waiting job of a customer
 * that has none running anywhere — or one whose instance went silent for {@code seatwise.jobs.stale-after} (a
 * crash, a restart) — and runs its handler as its owner. The handler's work and the job's success commit together, and only while this attempt
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
    /** This instance in {@code job.claimed_by}: its process id says which instance on a host runs a job. */
    private final String node = "node-" + ProcessHandle.current().pid() + "-" + Ids.next();
    /**
     * The security context of jobs started here by actors the access module cannot restore (none in production:
     * agents and customer users are restored), kept for an hour.
     */
    private final Map<JobId, Live> live = new ConcurrentHashMap<>();
    /** The jobs this instance runs now, and their attempts: the only rows its heartbeat keeps alive. */
    private final java.util.Set<JobRepository.Claimed> current = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService heart =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "seatwise-jobs-heartbeat");
                t.setDaemon(true);
                return t;
            });

    private record Live(Authentication authentication, Instant at) {
    }
    /** Worker threads looking for or running jobs now, at most {@link #workers}. */
    private final AtomicInteger draining = new AtomicInteger();
    private final int workers;
    private final ExecutorService worker;
    private volatile boolean stopped;

    /** One worker: for tests that run a runner of their own beside the application's. */
    JobRunner(JobRepository repository, ObjectProvider<JobHandler> handlers, JobOwners owners,
            PlatformTransactionManager transactions, Duration staleAfter, Duration heartbeat) {
        this(repository, handlers, owners, transactions, staleAfter, heartbeat, 1);
    }

    @org.springframework.beans.factory.annotation.Autowired
    JobRunner(JobRepository repository, ObjectProvider<JobHandler> handlers, JobOwners owners,
            PlatformTransactionManager transactions,
            @Value("${seatwise.jobs.stale-after:60s}") Duration staleAfter,
            @Value("${seatwise.jobs.heartbeat:10s}") Duration heartbeat,
            @Value("${seatwise.jobs.workers:2}") int workers) {
        this.workers = Math.max(1, workers);
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        this.worker = Executors.newFixedThreadPool(this.workers, r -> {
            Thread t = new Thread(r, "seatwise-jobs-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.repository = repository;
        this.handlers = handlers;
        this.owners = owners;
        this.tx = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.staleAfter = staleAfter;
        sweepOldInputs();
        // Its own thread: a long scheduled task (the purge) must not starve it into looking dead.
        heart.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Input copies left in the temporary folder by a server that stopped abruptly while running a job (a run
     * deletes its own): older than a day, no run can still be reading them.
     */
    private static void sweepOldInputs() {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"));
        Instant old = Instant.now().minus(Duration.ofDays(1));
        try (var files = Files.newDirectoryStream(folder, "seatwise-job-*.in")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(old)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("could not sweep old job inputs in {}", folder, e);
        }
    }

    void remember(JobId id, Authentication authentication) {
        live.put(id, new Live(authentication, Instant.now()));
    }

    /** Puts one more worker thread to running waiting jobs, unless every one is at it already. */
    void wake() {
        int busy;
        do {
            busy = draining.get();
            if (stopped || busy >= workers) {
                return;
            }
        } while (!draining.compareAndSet(busy, busy + 1));
        try {
            worker.execute(() -> {
                try {
                    while (!stopped && runOne()) {
                        // next, and maybe more waiting than this thread can run: another worker may take them
                        wake();
                    }
                } finally {
                    draining.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            draining.decrementAndGet();
        }
    }

    /** Every couple of seconds: jobs queued by another instance, or left by a stopped one. */
    @Scheduled(fixedDelayString = "${seatwise.jobs.poll:2s}", initialDelayString = "${seatwise.jobs.poll:2s}")
    void poll() {
        Instant old = Instant.now().minus(Duration.ofHours(1));
        live.values().removeIf(l -> l.at().isBefore(old));
        wake();
    }

    /** Every few seconds, on its own thread: the jobs running here are alive. */
    void beat() {
        for (JobRepository.Claimed running : current) {
            if (stopped) {
                return;
            }
            try {
                separate.executeWithoutResult(s -> repository.beat(running.job(), running.attempt(), Instant.now()));
            } catch (RuntimeException e) {
                log.warn("heartbeat of job {} failed", running.job().id(), e);
            }
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
        current.add(claimed);
        try {
            runClaimed(claimed);
        } catch (Throwable e) {
            // Whatever went wrong, the job must not stay running here for ever: fail it (or, if even that fails,
            // stop beating for it so that another instance claims it again).
            log.warn("job {} ({}) failed", claimed.job().id(), claimed.job().kind(), e);
            if (!stopped) {
                try {
                    fail(claimed, "job-failed", "the job failed on the server (job " + claimed.job().id() + ")");
                } catch (RuntimeException again) {
                    log.warn("could not record the failure of job {}", claimed.job().id(), again);
                }
            }
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            current.remove(claimed);
        }
    }

    private void runClaimed(JobRepository.Claimed claimed) {
        Job job = claimed.job();
        int attempt = claimed.attempt();
        Live started = live.remove(job.id());
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
        // The owner as they are now (a disabled agent's job does not run); the live context only for actors the
        // access module does not know.
        Authentication owner = claimed.ownerRef() == null || claimed.ownerRef().isEmpty()
                ? (started == null ? null : started.authentication())
                : owners.restore(claimed.ownerRef()).orElse(null);
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
        } catch (RuntimeException e) {
            if (stopped) {
                // The server is stopping (its work was interrupted and rolled back): the job waits for the next
                // instance, without counting this attempt.
                log.info("job {} ({}) put back in the queue: the server is stopping", job.id(), job.kind());
                try {
                    separate.executeWithoutResult(s -> repository.requeue(job, attempt));
                } catch (RuntimeException closing) {
                    log.info("job {} left to be claimed again once its heartbeat is old", job.id());
                }
            } else if (e instanceof DomainException d) {
                fail(claimed, d.type(), d.getMessage());
            } else {
                log.warn("job {} ({}) failed", job.id(), job.kind(), e);
                fail(claimed, "job-failed", "the job failed on the server (job " + job.id() + ")");
            }
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
        Path file = null;
        try {
            file = Files.createTempFile("seatwise-job-", ".in");
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
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // it was never read; the temporary folder's own cleaning takes it
                }
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
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
        heart.shutdownNow();
        worker.shutdownNow();
        try {
            // Let an interrupted job put itself back in the queue while the database is still there.
            worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
