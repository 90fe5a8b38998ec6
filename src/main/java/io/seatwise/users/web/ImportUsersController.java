package io.seatwise.users.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.seatwise.catalog.CatalogService;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.users.UserId;
import io.seatwise.users.UserImportFileException;
import io.seatwise.users.UserImportProblem;
import io.seatwise.users.UserImports;
import io.seatwise.users.UserLicenses.LicenseError;
import io.seatwise.users.UserLicenses.LicenseOutcome;
import io.seatwise.users.UserLicenses.NewUserLicenses;
import io.seatwise.users.UsersService;
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

    /** One refused row's problem in words. */
    record ProblemView(long line, String column, String reason) {
    }

    /** At most this many problems on the page; the count says how many there are in all. */
    static final int SHOWN_PROBLEMS = 1_000;
    /** At most this many users' license failures noted for the confirmation page (each is a look-up). */
    static final int NOTED_FAILURES = 1_000;

    private final CustomersService customers;
    private final UserImports imports;
    private final ImportJobs jobs;
    private final ConsoleMessages messages;
    private final UserForms forms;
    private final UsersService users;
    private final CatalogService catalog;

    ImportUsersController(CustomersService customers, UserImports imports, ImportJobs jobs,
            ConsoleMessages messages, UserForms forms, UsersService users, CatalogService catalog) {
        this.users = users;
        this.catalog = catalog;
        this.customers = customers;
        this.imports = imports;
        this.jobs = jobs;
        this.messages = messages;
        this.forms = forms;
    }

    @GetMapping("/customers/{id}/users/import")
    String page(@PathVariable String id, Model model) {
        Customer customer = customers.get(UserForms.customerId(id));
        fill(model, customer, FormErrors.none());
        return "users/import";
    }

    @GetMapping("/customers/{id}/users/import/template")
    ResponseEntity<byte[]> template(@PathVariable String id) {
        customers.get(UserForms.customerId(id));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("users-template.csv").build().toString())
                .body(imports.template(LocaleContextHolder.getLocale()));
    }

    @PostMapping("/customers/{id}/users/import")
    String upload(@PathVariable String id, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response) {
        Customer customer = customers.get(UserForms.customerId(id));
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, customer, FormErrors.of("file", messages.get("userimport.chooseFile")));
            return "users/import";
        }
        try {
            UserImports.Report[] report = new UserImports.Report[1];
            ImportJobs.Upload upload = jobs.keep(customer.id(), file, report);
            fill(model, customer, FormErrors.none());
            model.addAttribute("upload", upload);
            model.addAttribute("report", report[0]);
            model.addAttribute("problems", report[0].problems().stream().limit(SHOWN_PROBLEMS)
                    .map(this::view).toList());
            return "users/import";
        } catch (UserImportFileException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            UserImportProblem p = e.problem();
            fill(model, customer, FormErrors.of("file", messages.get("userimport.fileInvalid", p.line(),
                    reason(p))));
            return "users/import";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, customer, FormErrors.of("file", forms.text(e)));
            return "users/import";
        }
    }

    @PostMapping("/customers/{id}/users/import/{upload}/create")
    String create(@PathVariable String id, @PathVariable String upload) {
        Customer customer = customers.get(UserForms.customerId(id));
        ImportJobs.Job job = jobs.start(customer.id(), UserForms.sheetId(upload));
        return "redirect:/customers/" + customer.id() + "/users/import/jobs/" + job.id();
    }

    @GetMapping("/customers/{id}/users/import/jobs/{job}")
    String job(@PathVariable String id, @PathVariable String job, Model model, HttpSession session) {
        Customer customer = customers.get(UserForms.customerId(id));
        ImportJobs.Job run = jobs.job(customer.id(), UserForms.sheetId(job));
        if (run.done() && run.report != null && run.report.passwordSheetId() != null) {
            UserImports.Report report = run.report;
            int given = report.licenseChanges().stream().mapToInt(NewUserLicenses::succeeded).sum();
            int failed = report.licenseChanges().stream().mapToInt(NewUserLicenses::failed).sum();
            SheetNotes notes = SheetNotes.of(session);
            notes.summary(report.passwordSheetId(),
                    messages.get("userimport.licenseSummary", report.created(), given, failed));
            noteFailures(customer, report, notes);
            return "redirect:/customers/" + customer.id() + "/users/sheets/" + report.passwordSheetId();
        }
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("job", run);
        model.addAttribute("failure", failure(run));
        return "users/import-progress";
    }

    /** The progress, polled by htmx; when the run is over htmx is sent to the job's page, which goes on. */
    @GetMapping("/customers/{id}/users/import/jobs/{job}/progress")
    String progress(@PathVariable String id, @PathVariable String job, Model model, HttpServletResponse response) {
        Customer customer = customers.get(UserForms.customerId(id));
        ImportJobs.Job run = jobs.job(customer.id(), UserForms.sheetId(job));
        if (run.done()) {
            response.setHeader("HX-Redirect", "/customers/" + customer.id() + "/users/import/jobs/" + run.id());
        }
        model.addAttribute("customer", customer);
        model.addAttribute("job", run);
        model.addAttribute("failure", failure(run));
        return "users/import-progress :: progress";
    }

    /** The users whose licenses failed, with why, for their rows of the confirmation page (once per run). */
    private void noteFailures(Customer customer, UserImports.Report report, SheetNotes notes) {
        if (!notes.lines(report.passwordSheetId()).isEmpty()) {
            return;
        }
        int noted = 0;
        for (NewUserLicenses change : report.licenseChanges()) {
            for (Map.Entry<UserId, LicenseOutcome> e : change.outcomes().entrySet()) {
                if (e.getValue().succeeded() || noted++ >= NOTED_FAILURES) {
                    continue;
                }
                List<String> why = new ArrayList<>();
                for (LicenseError error : e.getValue().errors()) {
                    String product = error.skuId() == null ? "" : catalog.findProduct(error.skuId())
                            .map(p -> p.productName() + ": ").orElse("");
                    why.add(product + forms.reason(error.code(), error.message()));
                }
                notes.add(report.passwordSheetId(), new SheetNotes.Line(
                        users.get(customer.id(), e.getKey()).userPrincipalName(), true, why));
            }
        }
    }

    private String failure(ImportJobs.Job run) {
        if (run.failure != null) {
            return forms.text(run.failure);
        }
        if (run.done() && (run.report == null || run.report.passwordSheetId() == null)) {
            return messages.get("userimport.nothingCreated");
        }
        return null;
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
    }
}
