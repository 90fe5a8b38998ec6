package io.seatwise.users.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.users.UserImports;
import jakarta.annotation.PreDestroy;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's import files and import runs. An uploaded file is kept in a temporary file between the validation
 * report and "Create", for the agent who uploaded it; "Create" runs on a background thread (with the agent's
 * security context) so the page can show progress instead of waiting: rows checked, then users written (the
 * service tells both as it goes), then licenses; the import is one transaction, so nobody sees the users before
 * the end.
 */
@Component
class ImportJobs {

    /** A validated file waiting for "Create". */
    record Upload(UUID id, CustomerId customer, String owner, Path file, String name, int rows, int valid) {
    }

    /** A running or finished creation of an upload's valid rows. */
    static final class Job {

        final UUID id;
        final CustomerId customer;
        final String owner;
        final int rows;
        final int valid;
        final Instant started = Instant.now();
        volatile Instant finished;
        volatile UserImports.Report report;
        volatile DomainException failure;
        volatile int checked;
        volatile int created;

        Job(UUID id, CustomerId customer, String owner, int rows, int valid) {
            this.id = id;
            this.customer = customer;
            this.owner = owner;
            this.rows = rows;
            this.valid = valid;
        }

        public UUID id() {
            return id;
        }

        public int rows() {
            return rows;
        }

        public int valid() {
            return valid;
        }

        public boolean done() {
            return finished != null;
        }

        public int checked() {
            return checked;
        }

        public int created() {
            return created;
        }

        /** The step under way: checking the file again, writing users, or giving licenses (after the last user). */
        public String step() {
            return created >= valid ? "licensing" : created > 0 || checked >= rows ? "creating" : "checking";
        }

        /** How far the current step is, 0 to 100. */
        public int percent() {
            return switch (step()) {
                case "checking" -> rows == 0 ? 0 : (int) (100L * checked / rows);
                case "creating" -> valid == 0 ? 0 : (int) (100L * created / valid);
                default -> 100;
            };
        }

        public long elapsedSeconds() {
            return Duration.between(started, finished == null ? Instant.now() : finished).toSeconds();
        }
    }

    private static final Duration KEEP = Duration.ofHours(2);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportJobs.class);

    private final UserImports imports;
    private final Map<UUID, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    /** The job each started upload became: a second "Create" of the same upload finds the first job. */
    private final Map<UUID, UUID> started = new ConcurrentHashMap<>();
    // One import at a time per instance: each is one long transaction and the machine's cores are few.
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "seatwise-console-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(UserImports imports) {
        this.imports = imports;
    }

    /** Keeps an uploaded file for a later "Create" and validates it. */
    Upload keep(CustomerId customer, MultipartFile file, UserImports.Report[] report) {
        forgetOld();
        Path path = null;
        try {
            path = Files.createTempFile("seatwise-import-", ".csv");
            file.transferTo(path);
        } catch (IOException e) {
            if (path != null) {
                delete(path);
            }
            throw new UncheckedIOException(e);
        }
        try {
            report[0] = imports.importUsers(customer, new FileSystemResource(path), false);
        } catch (RuntimeException e) {
            delete(path);
            throw e;
        }
        Upload upload = new Upload(Ids.next(), customer, CurrentActor.name(), path, file.getOriginalFilename(),
                report[0].rows(), report[0].valid());
        // One file kept per agent and customer: a new upload replaces the one not created.
        uploads.values().removeIf(u -> {
            boolean replaced = u.customer().equals(customer) && u.owner().equals(upload.owner());
            if (replaced) {
                delete(u.file());
            }
            return replaced;
        });
        uploads.put(upload.id(), upload);
        return upload;
    }

    /** An upload of the current agent's for the customer; not found else. */
    Upload upload(CustomerId customer, UUID id) {
        return Optional.ofNullable(uploads.get(id))
                .filter(u -> u.customer().equals(customer) && u.owner().equals(CurrentActor.name()))
                .orElseThrow(() -> DomainException.notFound("import file"));
    }

    /**
     * Starts creating the valid rows of an upload; the file is forgotten when it ends. A second "Create" of the same
     * upload (a double click, a second tab) answers the job the first one started, so no run is lost.
     */
    synchronized Job start(CustomerId customer, UUID uploadId) {
        UUID already = started.get(uploadId);
        if (already != null) {
            return job(customer, already);
        }
        Upload upload = upload(customer, uploadId);
        if (!uploads.remove(upload.id(), upload)) {
            throw DomainException.notFound("import file");
        }
        Job job = new Job(Ids.next(), upload.customer(), upload.owner(), upload.rows(), upload.valid());
        jobs.put(job.id, job);
        started.put(upload.id(), job.id);
        runner.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                job.report = imports.importUsers(upload.customer(), new FileSystemResource(upload.file()), true,
                        new UserImports.Progress() {
                            @Override
                            public void checked(int rows) {
                                job.checked = rows;
                            }

                            @Override
                            public void created(int users) {
                                job.created = users;
                            }
                        });
            } catch (DomainException e) {
                job.failure = e;
            } catch (RuntimeException e) {
                log.warn("console import {} failed", job.id, e);
                job.failure = DomainException.conflict("import-failed", null, "the import failed: " + e);
            } finally {
                delete(upload.file());
                job.finished = Instant.now();
            }
        }));
        return job;
    }

    /** A job of the current agent's for the customer; not found else. */
    Job job(CustomerId customer, UUID id) {
        return Optional.ofNullable(jobs.get(id))
                .filter(j -> j.customer.equals(customer) && j.owner.equals(CurrentActor.name()))
                .orElseThrow(() -> DomainException.notFound("import"));
    }

    /** Every ten minutes, and before each upload: files not created and finished runs older than two hours go. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void forgetOld() {
        Instant limit = Instant.now().minus(KEEP);
        jobs.values().removeIf(j -> j.finished != null && j.finished.isBefore(limit));
        started.values().removeIf(job -> !jobs.containsKey(job));
        uploads.values().removeIf(u -> {
            boolean old = lastModified(u.file()).isBefore(limit);
            if (old) {
                delete(u.file());
            }
            return old;
        });
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}", file, e);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
        uploads.values().forEach(u -> delete(u.file()));
    }
}
