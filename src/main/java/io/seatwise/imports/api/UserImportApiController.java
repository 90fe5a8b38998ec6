package io.seatwise.imports.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.jobs.Job;
import io.seatwise.shared.CleanText;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.imports.ImportSlots;
import io.seatwise.imports.UserImportJobs;
import io.seatwise.imports.UserImports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/customers/{id}/users/import}: the CSV template, and importing a file (multipart, part
 * {@code file}): {@code ?validateOnly=true} answers the validation report and creates nothing; otherwise the valid
 * rows are created and the answer adds how many, the password sheet to download or mail, and the license changes.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/users/import")
class UserImportApiController {

    /** {@code problems} are the first 1,000 by line; {@code problemCount} says how many there are in all. */
    record ImportResponse(int rows, int valid, int rejected, boolean createdRows, int created, int problemCount,
            List<UserImportJobs.Problem> problems, UUID passwordSheetId, List<UserImportJobs.LicenseChange> licenseChanges) {
    }

    private final UserImports imports;
    private final UserImportJobs jobs;
    private final ImportSlots slots;

    UserImportApiController(UserImports imports, UserImportJobs jobs, ImportSlots slots) {
        this.slots = slots;
        this.imports = imports;
        this.jobs = jobs;
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template(@PathVariable String customerId, Locale locale) {
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("users-template.csv").build().toString())
                .body(imports.template(customer, locale));
    }

    /** The answer of {@code ?async=true}: the job to follow at {@code Location}. */
    record Accepted(UUID jobId, String status) {
    }

    /**
     * Imports a file now (the answer is the report, with what was created), or with {@code ?async=true} as a job
     * that survives a restart: 202 Accepted with {@code Location: /api/v1/customers/{id}/jobs/{jobId}}, whose
     * {@code result} is then this same report (refused rows and license failures cut at 1,000).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importUsers(@PathVariable String customerId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "validateOnly", defaultValue = "false") boolean validateOnly,
            @RequestParam(name = "async", defaultValue = "false") boolean async) {
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("validation", "file", "send the CSV file as multipart part 'file'");
        }
        CleanText.fileName(file.getOriginalFilename());
        if (async && validateOnly) {
            throw DomainException.invalid("validation", "async", "async and validateOnly cannot go together");
        }
        if (async) {
            Job job = jobs.submit(customer, file.getOriginalFilename(), file);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/customers/" + customer.value() + "/jobs/" + job.id()))
                    .body(new Accepted(job.id().value(), job.status().name()));
        }
        UserImports.Report report;
        try (ImportSlots.Slot slot = slots.take(customer)) {
            report = imports.importUsers(customer, file, !validateOnly);
        }
        return ResponseEntity.ok(new ImportResponse(report.rows(), report.valid(), report.rejected(), report.createdRows(),
                report.created(), report.problemCount(), report.problems().stream().map(UserImportJobs.Problem::of).toList(), report.passwordSheetId(),
                report.licenseChanges().stream().map(c -> new UserImportJobs.LicenseChange(c.changeId(), c.succeeded(),
                        c.failed())).toList()));
    }
}
