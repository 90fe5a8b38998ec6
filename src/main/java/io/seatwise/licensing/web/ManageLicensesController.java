package io.seatwise.licensing.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.ServicePlan;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.licensing.InsufficientSeatsException;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.LicenseChangeJobs;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.jobs.Job;
import io.seatwise.licensing.LicenseHolder;
import io.seatwise.licensing.LicenseSummary;
import io.seatwise.licensing.LicenseSummary.ProductSummary;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.SelectedUsers;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Manage licenses for the users selected on the users list: every subscribed product with a tri-state checkbox
 * and its service plans, a preview of the change in words with the seats it needs, and Save. Everything goes
 * through {@link LicensingService}, the same calls as the REST API.
 */
@Controller
@RequestMapping("/customers/{id}/users/licenses")
class ManageLicensesController {

    /** Holders shown per page in a product's Assigned disclosure. */
    static final int HOLDERS = 10;

    /**
     * The Manage licenses form: {@code products} checked, {@code keep} products left as they are (partly held and
     * not touched: the script drops the field when the box is touched), {@code plans} enabled as "sku:plan".
     */
    record ManageForm(List<String> products, List<String> keep, List<String> plans) {

        boolean posted() {
            return products != null || keep != null || plans != null;
        }

        Set<String> checked() {
            return products == null ? Set.of() : new HashSet<>(products);
        }

        Set<String> kept() {
            return keep == null ? Set.of() : new HashSet<>(keep);
        }

        Set<String> enabled() {
            return plans == null ? Set.of() : new HashSet<>(plans);
        }
    }

    /** The change to save, carried from the preview: products to assign, "sku:plan" disabled, products removed. */
    record SpecForm(List<String> assign, List<String> exclude, List<String> remove, String selection) {

        LicenseChangeSpec spec() {
            Map<SkuId, Set<ServicePlanId>> add = new LinkedHashMap<>();
            (assign == null ? List.<String>of() : assign).forEach(s -> add.put(sku(s), new HashSet<>()));
            for (String e : exclude == null ? List.<String>of() : exclude) {
                String[] parts = e.split(":", 2);
                Set<ServicePlanId> plans = add.get(sku(parts[0]));
                if (plans == null || parts.length < 2) {
                    throw DomainException.invalid("validation", "exclude", "a disabled plan of no product assigned");
                }
                plans.add(new ServicePlanId(Ids.parseField(parts[1], "exclude")));
            }
            Set<SkuId> off = new HashSet<>();
            (remove == null ? List.<String>of() : remove).forEach(s -> off.add(sku(s)));
            return new LicenseChangeSpec(add, off);
        }

        static SkuId sku(String text) {
            return new SkuId(Ids.parseField(text, "sku"));
        }
    }

    /** A product row: its summary, plans, first holders and the form's state. */
    record Row(ProductSummary product, List<ServicePlan> plans, PageResult<LicenseHolder> holders, boolean checked,
            boolean mixed, Set<String> enabledPlans) {

        /** Seats to offer buying: enough for every selected user that lacks the product, at least one. */
        public long lacking(long selected) {
            return Math.max(1, selected - product.selectedWithProduct());
        }

        public boolean planEnabled(ServicePlan plan) {
            return enabledPlans == null || enabledPlans.contains(product.skuId() + ":" + plan.servicePlanId());
        }
    }

    private final LicensingService licensing;
    private final CatalogService catalog;
    private final PreviewPage preview;
    private final LicensePages pages;
    private final ConsoleMessages messages;
    private final LicenseChangeJobs jobs;
    private final LicenseBackground background;

    ManageLicensesController(LicensingService licensing, CatalogService catalog, PreviewPage preview,
            LicensePages pages, ConsoleMessages messages, LicenseChangeJobs jobs, LicenseBackground background) {
        this.jobs = jobs;
        this.background = background;
        this.licensing = licensing;
        this.catalog = catalog;
        this.preview = preview;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping
    String manage(@PathVariable String id, Model model, HttpSession session) {
        return managePage(pages.customer(id), new ManageForm(null, null, null), (String) model.getAttribute("error"),
                model, session);
    }

    /** A page of a product's Assigned list: a fragment for htmx, else a page of its own. */
    @GetMapping("/holders")
    String holders(@PathVariable String id, @RequestParam String sku, @RequestParam(required = false) Integer page,
            Model model, HttpSession session, HttpServletRequest request, HttpServletResponse response) {
        Customer customer = pages.customer(id);
        Selection selection = LicensePages.selection(session, customer.id());
        if (selection == null) {
            return "redirect:/customers/" + customer.id() + "/users/licenses";
        }
        SkuId skuId = SpecForm.sku(sku);
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("sku", skuId);
        model.addAttribute("productName", pages.productNames(customer.id()).getOrDefault(skuId, sku));
        model.addAttribute("holders", licensing.holders(customer.id(), selection, skuId,
                new PageRequest(page == null ? 0 : page, HOLDERS)));
        return Htmx.wantsFragment(request, response) ? "licenses/holders :: holders" : "licenses/holders";
    }

    @PostMapping("/preview")
    String preview(@PathVariable String id, ManageForm form, Model model, HttpSession session,
            HttpServletResponse response) {
        Customer customer = pages.customer(id);
        Selection selection = LicensePages.selection(session, customer.id());
        if (selection == null) {
            return "redirect:/customers/" + customer.id() + "/users/licenses";
        }
        LicenseSummary summary = licensing.summary(customer.id(), selection);
        LicenseChangeSpec spec = spec(form, summary);
        if (spec.assign().isEmpty() && spec.remove().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return managePage(customer, form, messages.get("licenses.nothingToChange"), model, session, summary);
        }
        try {
            model.addAttribute("selectionKey", SelectedUsers.in(session, customer.id()).fingerprint());
            return preview.fill(customer, spec, licensing.preview(customer.id(), selection, spec), null, model);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return managePage(customer, form, messages.text(e), model, session, summary);
        }
    }

    @PostMapping("/apply")
    String apply(@PathVariable String id, SpecForm form, Model model, HttpSession session,
            HttpServletResponse response, RedirectAttributes redirect) {
        Customer customer = pages.customer(id);
        Selection selection = LicensePages.selection(session, customer.id());
        if (selection == null) {
            return "redirect:/customers/" + customer.id() + "/users/licenses";
        }
        if (!SelectedUsers.in(session, customer.id()).fingerprint().equals(form.selection())) {
            // Another tab changed the selection since this preview: what was previewed is not what would be saved.
            redirect.addFlashAttribute("error", messages.get("licenses.selectionChanged"));
            return "redirect:/customers/" + customer.id() + "/users/licenses";
        }
        LicenseChangeSpec spec = form.spec();
        long users = selection instanceof Selection.UserIds ids ? ids.ids().size()
                : licensing.selectedCount(customer.id(), selection);
        if (background.inBackground(users)) {
            // Seconds of work: a job, whose page shows it going on and then leads to Licenses updated.
            Job job = jobs.apply(customer.id(), selection, spec, users);
            return "redirect:/customers/" + customer.id() + "/licensejobs/" + job.id();
        }
        try {
            LicenseChangeResult result = licensing.apply(customer.id(), selection, spec);
            return "redirect:/customers/" + customer.id() + "/licensechanges/" + result.id();
        } catch (InsufficientSeatsException e) {
            // Nothing was changed; the preview again, with the reason.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("selectionKey", form.selection());
            return preview.fill(customer, spec, licensing.preview(customer.id(), selection, spec),
                    messages.get("licenses.refused", preview.shortText(e.shortfalls(),
                            pages.productNames(customer.id()))),
                    model);
        }
    }

    /** The change the form asks for, against the selection's current state. */
    private LicenseChangeSpec spec(ManageForm form, LicenseSummary summary) {
        Map<SkuId, Set<ServicePlanId>> assign = new LinkedHashMap<>();
        Set<SkuId> remove = new HashSet<>();
        for (ProductSummary p : summary.products()) {
            String sku = p.skuId().toString();
            if (form.kept().contains(sku)) {
                continue;
            }
            Set<ServicePlanId> excluded = new HashSet<>();
            for (ServicePlan plan : catalog.servicePlans(p.skuId())) {
                if (!form.enabled().contains(sku + ":" + plan.servicePlanId())) {
                    excluded.add(plan.servicePlanId());
                }
            }
            if (form.checked().contains(sku)) {
                // A product every selected user has changes only when some of its plans were switched off.
                if (p.state() != LicenseSummary.State.all || !excluded.isEmpty()) {
                    assign.put(p.skuId(), excluded);
                }
            } else if (p.state() != LicenseSummary.State.none) {
                remove.add(p.skuId());
            }
        }
        return new LicenseChangeSpec(assign, remove);
    }

    private String managePage(Customer customer, ManageForm form, String error, Model model, HttpSession session) {
        return managePage(customer, form, error, model, session, null);
    }

    /** The Manage licenses page; {@code known}, the selection's summary when the caller has just read it. */
    private String managePage(Customer customer, ManageForm form, String error, Model model, HttpSession session,
            LicenseSummary known) {
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("error", error);
        Selection selection = LicensePages.selection(session, customer.id());
        if (selection == null) {
            model.addAttribute("summary", null);
            return "licenses/manage";
        }
        LicenseSummary summary = known != null ? known : licensing.summary(customer.id(), selection);
        List<Row> rows = new ArrayList<>();
        for (ProductSummary p : summary.products()) {
            String sku = p.skuId().toString();
            PageResult<LicenseHolder> holders = p.selectedWithProduct() == 0 ? null
                    : licensing.holders(customer.id(), selection, p.skuId(), new PageRequest(0, HOLDERS));
            boolean mixed = form.posted() ? form.kept().contains(sku) : p.state() == LicenseSummary.State.some;
            boolean checked = form.posted() ? form.checked().contains(sku) : p.state() == LicenseSummary.State.all;
            rows.add(new Row(p, catalog.servicePlans(p.skuId()), holders, checked && !mixed, mixed,
                    form.posted() ? form.enabled() : null));
        }
        List<String> chips = pages.chips(session, customer.id());
        model.addAttribute("summary", summary);
        model.addAttribute("rows", rows);
        model.addAttribute("chips", chips);
        model.addAttribute("moreChips", Math.max(0, summary.selectedUsers() - chips.size()));
        return "licenses/manage";
    }
}
