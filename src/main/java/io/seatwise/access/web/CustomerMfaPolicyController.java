package io.seatwise.access.web;

import io.seatwise.access.SecondFactors;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Ids;
import io.seatwise.web.ConsoleMessages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer's rule that its administrators use two-step verification, set from the customer's page. */
@Controller
class CustomerMfaPolicyController {

    private final SecondFactors factors;
    private final ConsoleMessages messages;

    CustomerMfaPolicyController(SecondFactors factors, ConsoleMessages messages) {
        this.factors = factors;
        this.messages = messages;
    }

    /** An unchecked box sends nothing: no parameter means "not required". */
    @PostMapping("/customers/{id}/mfa-policy")
    String save(@AuthenticationPrincipal UserDetails me, @PathVariable String id,
            @RequestParam(name = "adminsRequired", defaultValue = "false") boolean adminsRequired,
            RedirectAttributes redirect) {
        CustomerId customer = new CustomerId(Ids.parse(id, "customer"));
        factors.requireForAdmins(me, customer, adminsRequired);
        redirect.addFlashAttribute("success", messages.get("customers.mfaSaved"));
        return "redirect:/customers/" + customer;
    }
}
