package io.seatwise.licensing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.ProductSeats;
import io.seatwise.licensing.UserOutcome;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import io.seatwise.web.ConsoleMessages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The preview of a license change: seats per product, each user's outcome in words, and the form that saves it. */
@Component
class PreviewPage {

    /** Users described one by one on the preview page. */
    static final int PREVIEW_USERS = 100;

    /**
     * One user's line of the preview. {@code waiting}: the user would get a product that is short of licenses, so
     * while licenses are short nothing happens to it (the whole change is refused), whatever the rules say.
     */
    record OutcomeRow(String displayName, String userName, boolean succeeded, boolean waiting, List<String> words) {
    }

    private final UsersService users;
    private final LicensePages pages;
    private final ConsoleMessages messages;

    PreviewPage(UsersService users, LicensePages pages, ConsoleMessages messages) {
        this.users = users;
        this.pages = pages;
        this.messages = messages;
    }

    /** Fills the model of the preview page and names its template. */
    String fill(Customer customer, LicenseChangeSpec spec, LicenseChangeResult result, String error,
            Model model) {
        Map<SkuId, String> names = pages.productNames(customer.id());
        List<ProductSeats> shortfalls = result.products().stream().filter(p -> p.shortfall() > 0).toList();
        java.util.Set<SkuId> shortProducts = shortfalls.stream().map(ProductSeats::skuId)
                .collect(java.util.stream.Collectors.toSet());
        List<OutcomeRow> outcomes = new ArrayList<>();
        List<UserOutcome> shown = result.results().stream().limit(PREVIEW_USERS).toList();
        Map<UserId, User> found = users.find(customer.id(), shown.stream().map(UserOutcome::userId).toList());
        for (UserOutcome o : shown) {
            // A user that does not exist is named by its id (the words say so)
            User user = found.get(o.userId());
            String name = user == null ? o.userId().toString() : user.displayName();
            String userName = user == null ? "" : user.userPrincipalName();
            List<SkuId> waitingFor = o.succeeded() ? o.added().stream().filter(shortProducts::contains).toList()
                    : List.of();
            outcomes.add(new OutcomeRow(name, userName, o.succeeded(), !waitingFor.isEmpty(), !waitingFor.isEmpty()
                    ? List.of(messages.get("licenses.outcome.waits", LicensePages.names(waitingFor, names)))
                    : o.succeeded() ? successWords(o, names) : pages.words(o.errors(), names)));
        }
        model.addAttribute("nav", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute("result", result);
        model.addAttribute("names", names);
        model.addAttribute("outcomes", outcomes);
        model.addAttribute("moreOutcomes", Math.max(0, result.selected() - outcomes.size()));
        model.addAttribute("shortfalls", shortfalls);
        String shortText = shortfalls.isEmpty() ? null : shortText(shortfalls, names);
        model.addAttribute("shortText", shortText);
        model.addAttribute("saveRefusal", saveRefusal(shortText, result));
        model.addAttribute("error", error);
        model.addAttribute("assign", spec.assign().keySet().stream().map(SkuId::toString).toList());
        model.addAttribute("exclude", spec.assign().entrySet().stream().flatMap(e -> e.getValue().stream()
                .map(p -> e.getKey() + ":" + p)).toList());
        model.addAttribute("remove", spec.remove().stream().map(SkuId::toString).toList());
        return "licenses/preview";
    }

    private List<String> successWords(UserOutcome o, Map<SkuId, String> names) {
        List<String> words = new ArrayList<>();
        if (!o.added().isEmpty()) {
            words.add(messages.get("licenses.outcome.gets", LicensePages.names(o.added(), names)));
        }
        if (!o.removed().isEmpty()) {
            words.add(messages.get("licenses.outcome.loses", LicensePages.names(o.removed(), names)));
        }
        if (!o.replanned().isEmpty()) {
            words.add(messages.get("licenses.outcome.replanned", LicensePages.names(o.replanned(), names)));
        }
        if (words.isEmpty()) {
            words.add(messages.get("licenses.outcome.unchanged"));
        }
        return words;
    }

    /**
     * Why Save is disabled, or null when it is not: products short of seats (the whole change would be refused), or
     * no selected user for whom the change would succeed (saving would change nothing).
     */
    private String saveRefusal(String shortText, LicenseChangeResult result) {
        if (shortText != null) {
            return messages.get("licenses.cannotSave", shortText);
        }
        return result.succeeded() == 0 ? messages.get("licenses.cannotSaveNoneSucceed") : null;
    }

    /** Each product short of seats, in words. */
    String shortText(List<ProductSeats> shortfalls, Map<SkuId, String> names) {
        return String.join(" ", shortfalls.stream().map(s -> messages.get("licenses.short",
                names.getOrDefault(s.skuId(), s.skuPartNumber()), s.needed(), s.available(), s.shortfall()))
                .toList());
    }
}
