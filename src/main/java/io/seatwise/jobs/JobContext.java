package io.seatwise.jobs;

import java.nio.file.Path;

/** What a {@link JobHandler} is given: the job, its input as a file, and where to tell its progress. */
public interface JobContext {

    Job job();

    /** The job's input, copied to a temporary file for this run (deleted after it); null when it has none. */
    Path input();

    /**
     * Tells how far the job is: written for the owner's progress bar (at most a couple of times a second, so a
     * handler may call it as often as it likes), and a sign of life for the other instances.
     */
    void progress(String step, long done, long total);
}
