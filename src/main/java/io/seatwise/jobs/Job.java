package io.seatwise.jobs;

import java.time.Duration;
import java.time.Instant;

import io.seatwise.customers.CustomerId;

/**
 * A job as its owner sees it: what it is, where it is, how far it got ({@code step}, {@code done} of
 * {@code total}), and, once over, its result (JSON, the handler's) or its error. {@code ownerRef} tells who
 * started it beyond their name (see {@link JobOwners}); it is not shown.
 */
public record Job(CustomerId customerId, JobId id, String kind, JobStatus status, String owner, String name,
        String params, Instant createdAt, Instant startedAt, Instant finishedAt, int attempts, String step,
        long done, long total, String result, String errorCode, String errorMessage, String ownerRef) {

    public boolean over() {
        return status.over();
    }

    public boolean succeeded() {
        return status == JobStatus.SUCCEEDED;
    }

    /** How far the current step is, 0 to 100. */
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, 100L * done / total);
    }

    /** Seconds since it started (or was queued), until it ended. */
    public long elapsedSeconds() {
        Instant from = startedAt != null ? startedAt : createdAt;
        return Math.max(0, Duration.between(from, finishedAt != null ? finishedAt : Instant.now()).toSeconds());
    }
}
