package io.seatwise.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs jobs on this instance, on {@code seatwise.jobs.workers} threads (2: each job is heavy and cores are few, yet
 * one customer's long job must not hold up every other customer's), each claiming and running jobs through
 * {@link JobAttempts} until none waits; and keeps the jobs running here alive with a heartbeat on a thread of its
 * own. When the server stops, a job whose work is interrupted goes back to the queue.
 */
@Component
class JobRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobRunner.class);

    private final JobAttempts attempts;
    private final JobRepository repository;
    private final TransactionTemplate separate;
    private final ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "seatwise-jobs-heartbeat");
        t.setDaemon(true);
        return t;
    });
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

    @Autowired
    JobRunner(JobRepository repository, ObjectProvider<JobHandler> handlers, JobOwners owners,
            PlatformTransactionManager transactions,
            @Value("${seatwise.jobs.stale-after:60s}") Duration staleAfter,
            @Value("${seatwise.jobs.heartbeat:10s}") Duration heartbeat,
            @Value("${seatwise.jobs.workers:2}") int workers) {
        this.attempts = new JobAttempts(repository, handlers, owners, transactions, staleAfter);
        this.repository = repository;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.workers = Math.max(1, workers);
        AtomicInteger threads = new AtomicInteger();
        this.worker = Executors.newFixedThreadPool(this.workers, r -> {
            Thread t = new Thread(r, "seatwise-jobs-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Its own thread: a long scheduled task (the purge) must not starve it into looking dead.
        heart.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keeps the security context of a job started here, for an owner the access module cannot restore. */
    void remember(JobId id, Authentication authentication) {
        attempts.remember(id, authentication);
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
                    while (!stopped && attempts.runOne()) {
                        // next, and maybe more waiting than this thread can run: another worker may take them
                        wake();
                    }
                } finally {
                    draining.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            draining.decrementAndGet();
        }
    }

    /** Every couple of seconds: jobs queued by another instance, or left by a stopped one. */
    @Scheduled(fixedDelayString = "${seatwise.jobs.poll:2s}", initialDelayString = "${seatwise.jobs.poll:2s}")
    void poll() {
        attempts.forgetOld();
        wake();
    }

    /** Every few seconds, on its own thread: the jobs running here are alive. */
    void beat() {
        for (JobRepository.Claimed running : attempts.running()) {
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

    /** Claims and runs one job on the calling thread; false when none was waiting. */
    boolean runOne() {
        return attempts.runOne();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        attempts.stopping();
        heart.shutdownNow();
        worker.shutdownNow();
        try {
            // Let an interrupted job put itself back in the queue while the database is still there.
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
