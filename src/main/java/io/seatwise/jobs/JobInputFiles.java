package io.seatwise.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A run's copy of its job's stored input, in the temporary folder ({@code seatwise-job-*.in}): made before the
 * handler runs (in a transaction of its own), deleted after it; copies older than a day, left by a server that stopped
 * abruptly, are swept.
 */
final class JobInputFiles {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobInputFiles.class);

    private JobInputFiles() {
    }

    /** Deletes the copies older than a day: no run can still be reading them. */
    static void sweepOld() {
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

    /** A copy of the job's input, or null when it has none. */
    static Path copy(JobRepository repository, TransactionTemplate separate, Job job) {
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

    /** Deletes a run's copy once the run is over (null: there was none). */
    static void delete(Path input) {
        if (input != null) {
            try {
                Files.deleteIfExists(input);
            } catch (IOException e) {
                log.warn("could not delete {}", input, e);
            }
        }
    }
}
