package io.seatwise.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claiming and running one attempt of a job, on the thread that asks ({@link JobRunner}'s workers): claims the
 * oldest waiting job of a customer that has none running anywhere — or one whose instance went silent for
 * {@code seatwise.jobs.stale-after} (a crash, a restart) — and runs its handler as its owner. The handler's work and
 * the job's success commit together, and only while this attempt still holds the job (its attempt number is the
 * fencing token), so a job run again never runs twice to the end. A job claimed more than {@value #MAX_ATTEMPTS}
 * times fails instead of running again. The jobs it runs now are {@link #running()}, for the heartbeat.
 */
final class JobAttempts {

    static final int MAX_ATTEMPTS = 3;
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobAttempts.class);

    /** Thrown inside the job's transaction when the attempt lost the job: its work is rolled back. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("the job was claimed by another attempt", null, false, false);
        }
    }

    private record Live(Authentication authentication, Instant at) {
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
    private final Set<JobRepository.Claimed> current = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    JobAttempts(JobRepository repository, ObjectProvider<JobHandler> handlers, JobOwners owners,
            PlatformTransactionManager transactions, Duration staleAfter) {
        this.repository = repository;
        this.handlers = handlers;
        this.owners = owners;
        this.tx = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.staleAfter = staleAfter;
        JobInputFiles.sweepOld();
    }

    void remember(JobId id, Authentication authentication) {
        live.put(id, new Live(authentication, Instant.now()));
    }

    /** Forgets the security contexts kept for more than an hour. */
    void forgetOld() {
        Instant old = Instant.now().minus(Duration.ofHours(1));
        live.values().removeIf(l -> l.at().isBefore(old));
    }

    /** The jobs running here now, with their attempts. */
    Set<JobRepository.Claimed> running() {
        return Collections.unmodifiableSet(current);
    }

    /** The server is stopping: a job whose work is interrupted goes back to the queue instead of failing. */
    void stopping() {
        stopping = true;
    }

    /** Claims and runs one job; false when none was waiting. */
    boolean runOne() {
        Instant now = Instant.now();
        Set<String> kinds = handlers.orderedStream().map(JobHandler::kind).collect(Collectors.toSet());
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
            if (!stopping) {
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
        JobHandler handler = handlers.orderedStream().filter(h -> h.kind().equals(job.kind())).findFirst()
                .orElse(null);
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
        runAs(owner, claimed, handler);
    }

    /** Runs the handler as the job's owner, with a copy of the job's input; its work and the success commit together. */
    private void runAs(Authentication owner, JobRepository.Claimed claimed, JobHandler handler) {
        Job job = claimed.job();
        int attempt = claimed.attempt();
        Path input = null;
        SecurityContext before = SecurityContextHolder.getContext();
        try {
            input = JobInputFiles.copy(repository, separate, job);
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
            failed(claimed, e);
        } finally {
            SecurityContextHolder.setContext(before);
            JobInputFiles.delete(input);
        }
    }

    /** The handler threw: back to the queue if the server is stopping, else the job fails with the reason. */
    private void failed(JobRepository.Claimed claimed, RuntimeException e) {
        Job job = claimed.job();
        if (stopping) {
            // The server is stopping (its work was interrupted and rolled back): the job waits for the next
            // instance, without counting this attempt.
            log.info("job {} ({}) put back in the queue: the server is stopping", job.id(), job.kind());
            try {
                separate.executeWithoutResult(s -> repository.requeue(job, claimed.attempt()));
            } catch (RuntimeException closing) {
                log.info("job {} left to be claimed again once its heartbeat is old", job.id());
            }
        } else if (e instanceof DomainException d) {
            fail(claimed, d.type(), d.getMessage());
        } else {
            log.warn("job {} ({}) failed", job.id(), job.kind(), e);
            fail(claimed, "job-failed", "the job failed on the server (job " + job.id() + ")");
        }
    }

    private void fail(JobRepository.Claimed claimed, String code, String message) {
        separate.executeWithoutResult(s -> {
            if (repository.finish(claimed.job(), claimed.attempt(), JobStatus.FAILED, null, code, message,
                    Instant.now())) {
                repository.deleteInput(claimed.job().customerId(), claimed.job().id());
            }
        });
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
}
