package io.seatwise.imports.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.CatalogService;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.CleanText;
import io.seatwise.shared.DomainException;
import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.SkuId;
import io.seatwise.jobs.Job;
import io.seatwise.jobs.JobId;
import io.seatwise.jobs.JobStatus;
import io.seatwise.passwordsheets.SheetNotes;
import io.seatwise.shared.Ids;
import io.seatwise.imports.UserImportJobs;
import io.seatwise.imports.UserImportFileException;
import io.seatwise.imports.UserImportProblem;
import io.seatwise.imports.UserImports;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import users (product.md, "Import users"): the template, the upload and its validation report (line, column and
 * reason of every refused row), then "Create N valid users" as a background run whose page polls its progress,
 * ending on the same confirmation page as Add user.
 */
@Controller
class ImportUsersController {

    /** A kept file, as the report shows it. */
    record UploadView(UUID id, String name) {
    }

    /** An import run's progress, as its page shows it. */
    record RunView(UUID id, String step, long done, long total, int percent, long elapsedSeconds, boolean over,
            int rows, int valid) {

        static RunView of(Job job, UserImportJobs.Params counts) {
            String step = job.step() == null ? "waiting" : job.step();
            return new RunView(job.id().value(), step, job.done(), job.total(), job.percent(),
                    job.elapsedSeconds(), job.over(), counts.rows(), counts.valid());
        }
    }

    /** One refused row's problem in words. */
    record ProblemView(long line, String column, String reason) {
    }

    /** At most this many problems on the page; the count says how many there are in all. */
    static final int SHOWN_PROBLEMS = 1_000;

    private final CustomersService customers;
    private final UserImports imports;
    private final UserImportJobs jobs;
    private final ConsoleMessages messages;
    private final CatalogService catalog;
    private final org.springframework.util.unit.DataSize uploadLimit;

    ImportUsersController(CustomersService customers, UserImports imports, UserImportJobs jobs,
            ConsoleMessages messages, CatalogService catalog,
            @org.springframework.beans.factory.annotation.Value("${seatwise.limits.upload:50MB}")
            org.springframework.util.unit.DataSize uploadLimit) {
        this.uploadLimit = uploadLimit;
        this.catalog = catalog;
        this.customers = customers;
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/customers/{id}/users/import")
    String page(@PathVariable String id, Model model) {
        Customer customer = customers.get(ImportForms.customerId(id));
        fill(model, customer, FormErrors.none());
        return "imports/import";
    }

    @GetMapping("/customers/{id}/users/import/template")
    ResponseEntity<byte[]> template(@PathVariable String id) {
        customers.get(ImportForms.customerId(id));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("users-template.csv").build().toString())
                .body(imports.template(ImportForms.customerId(id), LocaleContextHolder.getLocale()));
    }

    @PostMapping("/customers/{id}/users/import")
    String upload(@PathVariable String id, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response) {
        Customer customer = customers.get(ImportForms.customerId(id));
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, customer, FormErrors.of("file", messages.get("userimport.chooseFile")));
            return "imports/import";
        }
        try {
            CleanText.fileName(file.getOriginalFilename());
            UserImportJobs.Upload upload = jobs.upload(customer.id(), file.getOriginalFilename(), file);
            UserImports.Report report = upload.report();
            fill(model, customer, FormErrors.none());
            model.addAttribute("upload", new UploadView(upload.job() == null ? null : upload.job().id().value(),
                    file.getOriginalFilename()));
            model.addAttribute("report", report);
            model.addAttribute("problems", report.problems().stream().limit(SHOWN_PROBLEMS)
                    .map(this::view).toList());
            return "imports/import";
        } catch (UserImportFileException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            UserImportProblem p = e.problem();
            fill(model, customer, FormErrors.of("file", messages.get("userimport.fileInvalid", p.line(),
                    reason(p))));
            return "imports/import";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            if (e.kind() == DomainException.Kind.TOO_MANY) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, e.properties().get(DomainException.RETRY_AFTER).toString());
            } else {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            fill(model, customer, FormErrors.of("file", messages.text(ImportForms.ERRORS, e)));
            return "imports/import";
        }
    }

    @PostMapping("/customers/{id}/users/import/{upload}/create")
    String create(@PathVariable String id, @PathVariable String upload) {
        Customer customer = customers.get(ImportForms.customerId(id));
        Job job = jobs.start(customer.id(), new JobId(ImportForms.jobId(upload)));
        return "redirect:/customers/" + customer.id() + "/users/import/jobs/" + job.id();
    }

    @GetMapping("/customers/{id}/users/import/jobs/{job}")
    String job(@PathVariable String id, @PathVariable String job, Model model, HttpSession session) {
        Customer customer = customers.get(ImportForms.customerId(id));
        Job run = jobs.get(customer.id(), new JobId(ImportForms.jobId(job)));
        if (run.status() == JobStatus.DRAFT) {
            // A file kept but not created: its report is the import page's.
            return "redirect:/customers/" + customer.id() + "/users/import";
        }
        UserImportJobs.Outcome outcome = run.succeeded() ? jobs.outcome(run) : null;
        if (outcome != null && outcome.passwordSheetId() != null) {
            SheetNotes notes = SheetNotes.of(session);
            notes.summary(outcome.passwordSheetId(), messages.get("userimport.licenseSummary", outcome.created(),
                    outcome.licensesGiven(), outcome.licensesFailed()));
            noteFailures(outcome, notes);
            return "redirect:/customers/" + customer.id() + "/users/sheets/" + outcome.passwordSheetId();
        }
        model.addAttribute("nav", "customers");
        fillRun(model, customer, run, outcome);
        return "imports/import-progress";
    }

    /** The progress, polled by htmx; when the run is over htmx is sent to the job's page, which goes on. */
    @GetMapping("/customers/{id}/users/import/jobs/{job}/progress")
    String progress(@PathVariable String id, @PathVariable String job, Model model, HttpServletResponse response) {
        Customer customer = customers.get(ImportForms.customerId(id));
        Job run = jobs.get(customer.id(), new JobId(ImportForms.jobId(job)));
        if (run.over()) {
            response.setHeader("HX-Redirect", "/customers/" + customer.id() + "/users/import/jobs/" + run.id());
        }
        fillRun(model, customer, run, run.succeeded() ? jobs.outcome(run) : null);
        return "imports/import-progress :: progress";
    }

    /** The run's progress and, once over, why nothing was created (it failed, or no row could be). */
    private void fillRun(Model model, Customer customer, Job run, UserImportJobs.Outcome outcome) {
        model.addAttribute("customer", customer);
        model.addAttribute("job", RunView.of(run, jobs.counts(run)));
        String failure = null;
        if (run.status() == JobStatus.FAILED) {
            failure = messages.text(ImportForms.ERRORS,
                    DomainException.conflict(run.errorCode(), null, run.errorMessage()));
        } else if (outcome != null && outcome.passwordSheetId() == null) {
            failure = messages.get("userimport.nothingCreated");
        }
        model.addAttribute("failure", failure);
    }

    /** The users whose licenses failed, with why, for their rows of the confirmation page (once per run). */
    private void noteFailures(UserImportJobs.Outcome outcome, SheetNotes notes) {
        if (!notes.lines(outcome.passwordSheetId()).isEmpty()) {
            return;
        }
        for (UserImportJobs.FailedUser user : outcome.licenseFailures()) {
            List<String> why = new ArrayList<>();
            for (LicenseFailure error : user.errors()) {
                String product = error.skuId() == null ? "" : catalog.findProduct(error.skuId())
                        .map(p -> p.productName() + ": ").orElse("");
                why.add(product + messages.getOrDefault(ImportForms.REASONS + error.code(), error.message()));
            }
            notes.add(outcome.passwordSheetId(), new SheetNotes.Line(user.userPrincipalName(), true, why));
        }
    }

    private ProblemView view(UserImportProblem p) {
        String column = p.column() == null ? "" : messages.get(p.column().messageKey());
        return new ProblemView(p.line(), column, reason(p));
    }

    private String reason(UserImportProblem p) {
        return messages.get("userimport.code." + p.code().id());
    }

    private void fill(Model model, Customer customer, FormErrors errors) {
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("errors", errors);
        model.addAttribute("shownProblems", SHOWN_PROBLEMS);
        model.addAttribute("uploadLimitBytes", uploadLimit.toBytes());
        model.addAttribute("uploadLimitMb", uploadLimit.toMegabytes());
    }
}
