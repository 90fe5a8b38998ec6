/**
 * Long-running bulk work (architecture.md, "jobs"): a job is a row any instance may claim, with its input stored
 * beside it, its progress written as it goes and its result kept; a job whose instance stops (a crash, a restart)
 * is claimed again and run from the start, so work that runs longer than a couple of seconds survives a restart
 * (targets.md). Modules contribute {@link io.seatwise.jobs.JobHandler}s; the access module tells how to act as a
 * job's owner again ({@link io.seatwise.jobs.JobOwners}).
 */
package io.seatwise.jobs;
