package io.seatwise.licensing.web;

import java.util.UUID;

import io.seatwise.customers.Customer;
import io.seatwise.jobs.Job;
import io.seatwise.jobs.JobId;
import io.seatwise.jobs.JobStatus;
import io.seatwise.licensing.LicenseChangeJobs;
import io.seatwise.shared.Ids;
import io.seatwise.web.ConsoleMessages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A large license change or undo running as a job: its page polls the job and, once it is done, leads to the
 * Licenses updated page of the change it stored; a failure (too few seats meanwhile) is said in words.
 */
@Controller
@RequestMapping("/customers/{id}/licensejobs/{job}")
class LicenseJobsController {

    /** The job as its page shows it. */
    record RunView(UUID id, boolean undo, long users, String step, long elapsedSeconds, boolean over) {
    }

    private final LicenseChangeJobs jobs;
    private final LicensePages pages;
    private final ConsoleMessages messages;

    LicenseJobsController(LicenseChangeJobs jobs, LicensePages pages, ConsoleMessages messages) {
        this.jobs = jobs;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable String id, @PathVariable String job, Model model, RedirectAttributes redirect) {
        Customer customer = pages.customer(id);
        Job run = jobs.get(customer.id(), new JobId(Ids.parse(job, "job")));
        LicenseChangeJobs.Outcome outcome = run.succeeded() ? jobs.outcome(run) : null;
        if (outcome != null) {
            if (jobs.isUndo(run)) {
                redirect.addFlashAttribute("success", messages.get("licenses.undo.done", outcome.succeeded(),
                        outcome.failed()));
            }
            return "redirect:/customers/" + customer.id() + "/licensechanges/" + outcome.changeId();
        }
        fill(model, customer, run);
        return "licenses/job";
    }

    /** Polled by htmx; once the job is over htmx is sent to the job's page, which goes on. */
    @GetMapping("/progress")
    String progress(@PathVariable String id, @PathVariable String job, Model model, HttpServletResponse response) {
        Customer customer = pages.customer(id);
        Job run = jobs.get(customer.id(), new JobId(Ids.parse(job, "job")));
        if (run.over()) {
            response.setHeader("HX-Redirect", "/customers/" + customer.id() + "/licensejobs/" + run.id());
        }
        fill(model, customer, run);
        return "licenses/job :: progress";
    }

    private void fill(Model model, Customer customer, Job run) {
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("job", new RunView(run.id().value(), jobs.isUndo(run), jobs.users(run), run.step(),
                run.elapsedSeconds(), run.over()));
        model.addAttribute("failure", run.status() == JobStatus.FAILED
                ? messages.getOrDefault("licenses.job.error." + run.errorCode(),
                        messages.get("licenses.job.error", run.errorMessage()))
                : null);
    }
}
