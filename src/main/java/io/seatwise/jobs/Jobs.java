package io.seatwise.jobs;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts jobs and tells how they are. A job belongs to the customer it works on and to the actor who started it:
 * only they see it (callers check the actor may see the customer). Its input is stored with it, so any instance can
 * run it, and run it again after a restart.
 */
@Service
@Transactional
public class Jobs {

    private final JobRepository repository;
    private final JobRunner runner;
    private final JobOwners owners;
    private final CustomersService customers;
    private final Duration keepDrafts;
    private final Duration keepFinished;

    Jobs(JobRepository repository, JobRunner runner, JobOwners owners, CustomersService customers,
            @Value("${seatwise.jobs.keep-drafts:2h}") Duration keepDrafts,
            @Value("${seatwise.jobs.keep-finished:7d}") Duration keepFinished) {
        this.repository = repository;
        this.runner = runner;
        this.owners = owners;
        this.customers = customers;
        this.keepDrafts = keepDrafts;
        this.keepFinished = keepFinished;
    }

    /**
     * Keeps a job with its input, not started ({@link JobStatus#DRAFT}) until {@link #start} (or for
     * {@code seatwise.jobs.keep-drafts}, 2 hours by default). An earlier draft of the same kind, customer and
     * actor is replaced: one kept file each.
     */
    public Job draft(CustomerId customer, String kind, String name, String params, InputStream input) {
        customers.require(customer);
        repository.deleteDrafts(customer, kind, CurrentActor.name(), ownerRef());
        return create(customer, kind, JobStatus.DRAFT, name, params, input);
    }

    /** Queues a new job with its input; it runs as soon as an instance is free. */
    public Job submit(CustomerId customer, String kind, String name, String params, InputStream input) {
        customers.require(customer);
        Job job = create(customer, kind, JobStatus.QUEUED, name, params, input);
        queuedAfterCommit(job.id());
        return job;
    }

    /**
     * Starts a draft of the current actor's. Starting it again (a double click, a second tab) answers the same
     * job, already queued, running or over.
     */
    public Job start(CustomerId customer, String kind, JobId id) {
        Job job = get(customer, kind, id);
        if (job.status() == JobStatus.DRAFT && repository.queue(customer, id, Instant.now())) {
            queuedAfterCommit(id);
            return get(customer, id);
        }
        return job;
    }

    /** How many jobs of this kind the customer has queued or running, whoever started them. */
    @Transactional(readOnly = true)
    public int active(CustomerId customer, String kind) {
        return repository.active(customer, kind);
    }

    /** A job of the current actor's for the customer; not found else (another actor's job is not told). */
    @Transactional(readOnly = true)
    public Job get(CustomerId customer, JobId id) {
        String ref = ownerRef();
        return repository.find(customer, id)
                .filter(j -> j.owner().equals(CurrentActor.name()) && j.ownerRef().equals(ref))
                .orElseThrow(() -> DomainException.notFound("job"));
    }

    /** The current actor as {@link JobOwners} names them: an agent and a customer user of one name differ. */
    private String ownerRef() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "" : owners.reference(auth).orElse("");
    }

    /** A job of the current actor's, of this kind, for the customer; not found else. */
    @Transactional(readOnly = true)
    public Job get(CustomerId customer, String kind, JobId id) {
        Job job = get(customer, id);
        if (!job.kind().equals(kind)) {
            throw DomainException.notFound("job");
        }
        return job;
    }

    private Job create(CustomerId customer, String kind, JobStatus status, String name, String params,
            InputStream input) {
        String owner = CurrentActor.name();
        String ref = ownerRef();
        JobId id = new JobId(Ids.next());
        String shortName = name == null ? null : name.substring(0, Math.min(name.length(), 255));
        repository.insert(customer, id, kind, status, owner, ref, shortName, params, Instant.now());
        if (input != null) {
            repository.storeInput(customer, id, input);
        }
        return repository.find(customer, id).orElseThrow();
    }

    /**
     * Once the transaction that queued a job commits: this instance runs waiting jobs, with the owner's live security
     * context when the access module cannot restore them.
     */
    private void queuedAfterCommit(JobId id) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean live = auth != null && ownerRef().isEmpty();
        Runnable queued = () -> {
            if (live) {
                runner.remember(id, auth);
            }
            runner.wake();
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queued.run();
                }
            });
        } else {
            queued.run();
        }
    }

    /** Every ten minutes: drafts never started and jobs long over go (with their input). */
    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    public void sweep() {
        Instant now = Instant.now();
        repository.sweep(now.minus(keepDrafts), now.minus(keepFinished));
    }
}
