package io.seatwise.licensing.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.jobs.Job;
import io.seatwise.licensing.LicenseChangeCsv;
import io.seatwise.licensing.LicenseChangeJobs;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.StoredChange;
import io.seatwise.licensing.UserResult;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.web.Confirmation;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Licenses updated: a stored change with its per-user results in words, as CSV, and its undo. */
@Controller
@RequestMapping("/customers/{id}/licensechanges/{changeId}")
class LicenseChangesController {

    /** One user's line of the confirmation. */
    record ResultRow(String displayName, String userName, boolean succeeded, List<String> words) {
    }

    private final LicensingService licensing;
    private final LicensePages pages;
    private final ConsoleMessages messages;
    private final LicenseChangeJobs jobs;
    private final LicenseBackground background;

    LicenseChangesController(LicensingService licensing, LicensePages pages, ConsoleMessages messages,
            LicenseChangeJobs jobs, LicenseBackground background) {
        this.jobs = jobs;
        this.background = background;
        this.licensing = licensing;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping
    String change(@PathVariable String id, @PathVariable String changeId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Customer customer = pages.customer(id);
        UUID change = Ids.parse(changeId, "license change");
        StoredChange stored = licensing.change(customer.id(), change);
        Map<SkuId, String> names = pages.productNames(customer.id());
        PageResult<ResultRow> results = licensing.results(customer.id(), change, PageRequest.of(page, size))
                .map(r -> row(r, names));
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("change", stored);
        model.addAttribute("page", results);
        model.addAttribute("pageSizes", List.of(25, 50, 100, 200));
        return Htmx.wantsFragment(request, response) ? "licenses/change :: results" : "licenses/change";
    }

    private ResultRow row(UserResult r, Map<SkuId, String> names) {
        List<String> words = r.succeeded()
                ? List.of(r.licenses().isEmpty() ? messages.get("licenses.result.noLicenses")
                        : messages.get("licenses.result.licensesNow", LicensePages.names(r.licenses(), names)))
                : pages.words(r.errors(), names);
        return new ResultRow(r.displayName() == null ? r.userId().toString() : r.displayName(),
                r.userPrincipalName(), r.succeeded(), words);
    }

    /** The CSV's cells in the page's language: column names, status and reasons in words, product names. */
    private LicenseChangeCsv.Words words(Map<SkuId, String> names) {
        return new LicenseChangeCsv.Words() {
            @Override
            public List<String> header() {
                return List.of(messages.get("licenses.csv.userId"), messages.get("passwordsheet.userName"),
                        messages.get("passwordsheet.displayName"), messages.get("licenses.csv.status"),
                        messages.get("licenses.csv.errors"), messages.get("passwordsheet.licenses"));
            }

            @Override
            public String status(UserResult r) {
                return messages.get(r.succeeded() ? "licenses.updated.succeeded" : "licenses.updated.failed");
            }

            @Override
            public String errors(UserResult r) {
                return r.succeeded() ? "" : String.join(" ", pages.words(r.errors(), names));
            }

            @Override
            public String licenses(UserResult r) {
                return LicensePages.names(r.licenses(), names);
            }
        };
    }

    /** The API's CSV, in the page's language. */
    @GetMapping("/results.csv")
    void csv(@PathVariable String id, @PathVariable String changeId, HttpServletResponse response)
            throws IOException {
        Customer customer = pages.customer(id);
        UUID change = Ids.parse(changeId, "license change");
        licensing.change(customer.id(), change);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + LicenseChangeCsv.fileName(change)
                + "\"");
        Map<SkuId, String> names = pages.productNames(customer.id());
        LicenseChangeCsv.write(licensing, customer.id(), change,
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), words(names));
    }

    /** The confirmation step of Undo; changes nothing. A change that cannot be undone says why instead. */
    @GetMapping("/undo")
    String confirmUndo(@PathVariable String id, @PathVariable String changeId, Model model,
            RedirectAttributes redirect) {
        Customer customer = pages.customer(id);
        UUID change = Ids.parse(changeId, "license change");
        StoredChange stored = licensing.change(customer.id(), change);
        String back = "/customers/" + customer.id() + "/licensechanges/" + change;
        String refusal = refusal(stored);
        if (refusal != null) {
            redirect.addFlashAttribute("problem", refusal);
            return "redirect:" + back;
        }
        model.addAttribute("nav", "customers");
        model.addAttribute("confirmation", new Confirmation(messages.get("licenses.undo.title"),
                messages.get("licenses.undo.question", stored.succeeded()), back + "/undo", Map.of(),
                messages.get("licenses.undo.confirm"), back, true));
        return "confirm";
    }

    @PostMapping("/undo")
    String undo(@PathVariable String id, @PathVariable String changeId, RedirectAttributes redirect) {
        Customer customer = pages.customer(id);
        UUID change = Ids.parse(changeId, "license change");
        String back = "/customers/" + customer.id() + "/licensechanges/";
        try {
            StoredChange stored = licensing.change(customer.id(), change);
            if (stored.undoRefusal().isEmpty() && stored.changedNothing()) {
                redirect.addFlashAttribute("problem", refusal(stored));
                return "redirect:" + back + change;
            }
            if (background.inBackground(stored.succeeded())) {
                Job job = jobs.undo(customer.id(), stored);
                return "redirect:/customers/" + customer.id() + "/licensejobs/" + job.id();
            }
            LicenseChangeResult result = licensing.undo(customer.id(), change);
            redirect.addFlashAttribute("success", messages.get("licenses.undo.done", result.succeeded(),
                    result.failed()));
            return "redirect:" + back + result.id();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("problem", "already-undone".equals(e.type())
                    ? messages.get("licenses.undo.already") : messages.get("licenses.undo.notUndoable"));
            return "redirect:" + back + change;
        }
    }

    /**
     * Why the console offers no Undo for the change, or null: it is an undo, it was undone, or it changed no user
     * (none succeeded, or each that did already had what was asked).
     */
    private String refusal(StoredChange stored) {
        if (stored.undoRefusal().isEmpty() && stored.changedNothing()) {
            return messages.get("licenses.undo.nothingChanged");
        }
        return stored.undoRefusal().map(type -> messages.get(type.equals("already-undone") ? "licenses.undo.already"
                : "licenses.undo.notUndoable")).orElse(null);
    }
}
