package io.seatwise.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.customers.CustomerId;
import io.seatwise.jobs.Job;
import io.seatwise.jobs.JobContext;
import io.seatwise.jobs.JobHandler;
import io.seatwise.jobs.JobId;
import io.seatwise.jobs.Jobs;
import io.seatwise.shared.DomainException;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import io.seatwise.users.UserLicenses.LicenseOutcome;
import io.seatwise.users.UserLicenses.NewUserLicenses;
import io.seatwise.users.UsersService;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports as jobs ({@link Jobs}): the file is stored with the job, so an import survives a restart of the server —
 * a run cut off is rolled back whole (an import is one transaction) and run again from the start by whichever
 * instance claims it. The console keeps a validated file as a draft until "Create"; the API may queue a file at
 * once ({@code ?async=true}).
 */
@Service
@Transactional
public class UserImportJobs implements JobHandler {

    public static final String KIND = "user-import";
    /** At most this many refused rows and users whose licenses failed are kept with a finished import. */
    public static final int KEPT = 1_000;

    /** A validated file kept for "Create": its report, and its job (empty when nothing in it can be created). */
    public record Upload(UserImports.Report report, Job job) {
    }

    /** What the draft knew of the file, for the progress bar: its rows and how many are valid. */
    public record Params(int rows, int valid) {
    }

    /** A refused row. */
    public record Problem(long line, String column, String code, String message) {

        public static Problem of(UserImportProblem p) {
            return new Problem(p.line(), p.column() == null ? null : p.column().englishName(), p.code().id(),
                    p.message());
        }
    }

    /** One license change of an import. */
    public record LicenseChange(UUID changeId, int succeeded, int failed) {
    }

    /** A new user whose licenses failed, in the shape every module reports license failures in. */
    public record FailedUser(UUID userId, String userPrincipalName, List<LicenseFailure> errors) {
    }

    /** What a finished import did (kept with its job as JSON). */
    public record Outcome(int rows, int valid, int rejected, int created, UUID passwordSheetId, int problemCount,
            List<Problem> problems, List<LicenseChange> licenseChanges, int licensesGiven, int licensesFailed,
            List<FailedUser> licenseFailures) {
    }

    private final UserImports imports;
    private final Jobs jobs;
    private final UsersService users;
    private final JsonMapper json;
    private final ImportSlots slots;

    UserImportJobs(UserImports imports, Jobs jobs, UsersService users, JsonMapper json, ImportSlots slots) {
        this.slots = slots;
        this.imports = imports;
        this.jobs = jobs;
        this.users = users;
        this.json = json;
    }

    /**
     * Validates a file and keeps it, when some of its rows can be created, as a draft of the current actor's
     * (replacing one not started).
     */
    @PreAuthorize("hasAuthority('users:write')")
    public Upload upload(CustomerId customer, String name, InputStreamSource file) {
        UserImports.Report report;
        try (ImportSlots.Slot slot = slots.take(customer)) {
            report = imports.importUsers(customer, file, false);
        }
        if (report.valid() == 0) {
            return new Upload(report, null);
        }
        try (InputStream in = file.getInputStream()) {
            Job job = jobs.draft(customer, KIND, name, write(new Params(report.rows(), report.valid())), in);
            return new Upload(report, job);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts creating the valid rows of a kept file; starting it again answers the same job. */
    @PreAuthorize("hasAuthority('users:write')")
    public Job start(CustomerId customer, JobId upload) {
        if (jobs.get(customer, KIND, upload).status() == io.seatwise.jobs.JobStatus.DRAFT) {
            slots.requireRoom(customer);
        }
        return jobs.start(customer, KIND, upload);
    }

    /** Queues a file to be validated and created in the background (the API's {@code ?async=true}). */
    @PreAuthorize("hasAuthority('users:write')")
    public Job submit(CustomerId customer, String name, InputStreamSource file) {
        slots.requireRoom(customer);
        try (InputStream in = file.getInputStream()) {
            return jobs.submit(customer, KIND, name, null, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An import job of the current actor's; not found else. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public Job get(CustomerId customer, JobId id) {
        return jobs.get(customer, KIND, id);
    }

    /** What a finished import did; null while it runs or when it failed. */
    public Outcome outcome(Job job) {
        return job.result() == null ? null : json.readValue(job.result(), Outcome.class);
    }

    /** The rows the draft found, and how many are valid: 0 and 0 when it was queued without a draft. */
    public Params counts(Job job) {
        return job.params() == null ? new Params(0, 0) : json.readValue(job.params(), Params.class);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String run(JobContext context) {
        Job job = context.job();
        if (context.input() == null) {
            throw DomainException.invalid("validation", "file", "the import has no file");
        }
        Params draft = counts(job);
        // Queued without a draft (the API's async): its rows are counted first, so that the bar tells the truth
        Params counts = draft.rows() > 0 ? draft : new Params(countRows(context), 0);
        int[] validRows = {counts.valid()};
        UserImports.Report report = imports.importUsers(job.customerId(), new FileSystemResource(context.input()),
                true, new UserImports.Progress() {
                    @Override
                    public void checked(int checked) {
                        context.progress("checking", checked, Math.max(counts.rows(), checked));
                    }

                    @Override
                    public void validated(int rows, int valid) {
                        validRows[0] = valid;
                    }

                    @Override
                    public void created(int created) {
                        context.progress("creating", created, Math.max(validRows[0], created));
                    }

                    @Override
                    public void licensing(int done, int users) {
                        context.progress("licensing", done, users);
                    }
                });
        // A file with nothing to create (every row refused, or taken meanwhile) succeeds with its report.
        return write(outcome(job.customerId(), report));
    }

    /** The rows of a queued file, read once before it is checked (a second read of a file the job holds). */
    private int countRows(JobContext context) {
        context.progress("checking", 0, 0);
        try (UserImportFile csv = UserImportFile.open(java.nio.file.Files.newInputStream(context.input()))) {
            return (int) csv.rows().count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UserImportFileException unreadable) {
            // The check proper tells what is wrong with it
            return 0;
        }
    }

    private Outcome outcome(CustomerId customer, UserImports.Report report) {
        Map<UserId, LicenseOutcome> failedOutcomes = new java.util.LinkedHashMap<>();
        for (NewUserLicenses change : report.licenseChanges()) {
            change.outcomes().forEach((user, outcome) -> {
                if (!outcome.succeeded() && failedOutcomes.size() < KEPT) {
                    failedOutcomes.put(user, outcome);
                }
            });
        }
        // Their user names in one read, not one per user
        Map<UserId, User> named = failedOutcomes.isEmpty() ? Map.of()
                : users.find(customer, List.copyOf(failedOutcomes.keySet()));
        List<FailedUser> failed = new ArrayList<>();
        failedOutcomes.forEach((user, outcome) -> failed.add(new FailedUser(user.value(),
                named.containsKey(user) ? named.get(user).userPrincipalName() : "",
                outcome.errors())));
        return new Outcome(report.rows(), report.valid(), report.rejected(), report.created(),
                report.passwordSheetId(), report.problemCount(),
                report.problems().stream().limit(KEPT).map(Problem::of).toList(),
                report.licenseChanges().stream().map(c -> new LicenseChange(c.changeId(), c.succeeded(), c.failed()))
                        .toList(),
                report.licenseChanges().stream().mapToInt(NewUserLicenses::succeeded).sum(),
                report.licenseChanges().stream().mapToInt(NewUserLicenses::failed).sum(), failed);
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }
}
