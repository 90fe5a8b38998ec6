package io.seatwise.jobs;

/** Where a job is: kept but not started, waiting, running, or over. */
public enum JobStatus {
    /** Stored with its input, waiting for its owner to start it (an uploaded file before "Create"). */
    DRAFT,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED;

    public boolean over() {
        return this == SUCCEEDED || this == FAILED;
    }
}
