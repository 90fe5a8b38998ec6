/**
 * Long-running bulk work (architecture.md, "jobs"): a job is a row any instance may claim, with its input stored
 * beside it, its progress written as it goes and its result kept; a job whose instance stops (a crash, a restart)
 * is claimed again and run from the start, so work that runs longer than a couple of seconds survives a restart
 * (targets.md).
 *
 * <p>Its API is this package's public types: {@link io.seatwise.jobs.Jobs} (start a job, read it),
 * {@link io.seatwise.jobs.JobHandler} with {@link io.seatwise.jobs.JobContext} (what a module contributes to run its
 * kind of job), and {@link io.seatwise.jobs.Job}, {@link io.seatwise.jobs.JobId}, {@link io.seatwise.jobs.JobStatus}.
 * {@link io.seatwise.jobs.JobOwners}, which the access module implements to tell how a job acts as its owner again,
 * is the named interface {@code jobs::owners}. Claiming, running and the SQL are package-private; {@code api} is
 * internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customers", "shared" })
package io.seatwise.jobs;
