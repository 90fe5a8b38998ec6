package io.seatwise.licensing.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.StoredChange;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * License changes: every stored change of the customer, newest first, each leading to its Licenses updated
 * confirmation (product.md: "it can be reopened later and downloaded as CSV").
 */
@Controller
class LicenseHistoryController {

    /** One stored change as the list shows it. */
    record Row(UUID id, boolean undo, boolean undone, String createdBy, java.time.Instant createdAt,
            String assigned, String removed, int selected, int succeeded, int failed) {
    }

    private final LicensingService licensing;
    private final LicensePages pages;

    LicenseHistoryController(LicensingService licensing, LicensePages pages) {
        this.licensing = licensing;
        this.pages = pages;
    }

    @GetMapping("/customers/{id}/licensechanges")
    String list(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Customer customer = pages.customer(id);
        Map<SkuId, String> names = pages.productNames(customer.id());
        PageResult<Row> changes = licensing.changes(customer.id(), PageRequest.of(page, size))
                .map(c -> row(c, names));
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("page", changes);
        model.addAttribute("pageSizes", List.of(25, 50, 100, 200));
        return Htmx.wantsFragment(request, response) ? "licenses/history :: results" : "licenses/history";
    }

    private static Row row(StoredChange c, Map<SkuId, String> names) {
        return new Row(c.id(), "UNDO".equals(c.kind()), c.undoneBy() != null, c.createdBy(), c.createdAt(),
                LicensePages.names(c.assigned(), names), LicensePages.names(c.removed(), names), c.selected(),
                c.succeeded(), c.failed());
    }
}
