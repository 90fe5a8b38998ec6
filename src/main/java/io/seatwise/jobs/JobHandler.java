package io.seatwise.jobs;

/**
 * Runs the jobs of one kind. {@link #run} is called inside a transaction that also records the job as succeeded:
 * either the work and its success are committed together, or neither is (the instance stopped, the job was
 * claimed by another), so a job run again after a restart starts from a clean state. The owner's security context
 * is set while it runs.
 */
public interface JobHandler {

    /** The kind of job this runs, e.g. {@code user-import}. */
    String kind();

    /** Does the work; answers the result as JSON (kept with the job), or throws to fail the job. */
    String run(JobContext context);
}
