package io.seatwise.provisioning.web;

import java.util.Map;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.provisioning.ScimLicenseErrors;
import io.seatwise.provisioning.ScimToken;
import io.seatwise.provisioning.ScimTokens;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.web.Confirmation;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The customer's Provisioning tab: SCIM base URL, provisioning tokens (create, list, revoke), and the licenses
 * provisioning could not give (the newest {@link #LICENSE_ERRORS}, with their total).
 */
@Controller
@RequestMapping("/customers/{id}/provisioning")
class ProvisioningController {

    /** The new-token form. */
    record TokenForm(String name) {
    }

    /** The most license failures the tab lists. */
    static final int LICENSE_ERRORS = 50;

    private final ScimTokens tokens;
    private final ScimLicenseErrors licenseErrors;
    private final CustomersService customers;
    private final ConsoleMessages messages;

    ProvisioningController(ScimTokens tokens, ScimLicenseErrors licenseErrors, CustomersService customers,
            ConsoleMessages messages) {
        this.tokens = tokens;
        this.licenseErrors = licenseErrors;
        this.customers = customers;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable String id, Model model) {
        fill(model, customer(id), new TokenForm(""), FormErrors.none());
        return "scim/provisioning";
    }

    @PostMapping
    String create(@PathVariable String id, TokenForm form, Model model, HttpServletResponse response) {
        CustomerId customer = customer(id);
        try {
            ScimToken.Created token = tokens.create(customer, form.name());
            // The secret is in this response only: keep it out of every cache.
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("nav", "customers");
            model.addAttribute("customer", customers.get(customer));
            model.addAttribute("token", token);
            model.addAttribute("baseUrl", baseUrl());
            return "scim/token-created";
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || e.kind() == DomainException.Kind.FORBIDDEN) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, customer, form, messages.errors(e));
            return "scim/provisioning";
        }
    }

    /** Asks before revoking a token. */
    @GetMapping("/{tokenId}/revoke")
    String confirmRevoke(@PathVariable String id, @PathVariable String tokenId, Model model) {
        CustomerId customer = customer(id);
        ScimToken token = find(customer, tokenId);
        String back = "/customers/" + customer + "/provisioning";
        model.addAttribute("nav", "customers");
        model.addAttribute("confirmation", new Confirmation(messages.get("tokens.revoke"),
                messages.get("provisioning.revokeQuestion", token.name(), token.prefix()),
                back + "/" + token.id() + "/revoke", Map.of(), messages.get("tokens.revoke"), back, true));
        return "confirm";
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@PathVariable String id, @PathVariable String tokenId, RedirectAttributes redirect) {
        CustomerId customer = customer(id);
        ScimToken token = find(customer, tokenId);
        try {
            tokens.revoke(customer, token.id());
            redirect.addFlashAttribute("success", messages.get("provisioning.revoked", token.name()));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("failure", messages.text(e));
        }
        return "redirect:/customers/" + customer + "/provisioning";
    }

    private void fill(Model model, CustomerId customer, TokenForm form, FormErrors errors) {
        model.addAttribute("nav", "customers");
        model.addAttribute("tokens", tokens.list(customer));
        model.addAttribute("licenseErrors", licenseErrors.recent(customer, LICENSE_ERRORS));
        model.addAttribute("customer", customers.get(customer));
        model.addAttribute("baseUrl", baseUrl());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    private ScimToken find(CustomerId customer, String tokenId) {
        var id = Ids.parse(tokenId, "token");
        return tokens.list(customer).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.notFound("token"));
    }

    private static CustomerId customer(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString();
    }
}
