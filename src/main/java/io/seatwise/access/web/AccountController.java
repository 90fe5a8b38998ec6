package io.seatwise.access.web;

import io.seatwise.access.AgentPrincipal;
import io.seatwise.access.CustomerUserPrincipal;
import io.seatwise.access.SecondFactors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in person's own account: its name and user name, and the way to change its password. For a customer
 * user that administers nothing this is the whole console.
 */
@Controller
class AccountController {

    /** What the page shows. */
    record Account(String displayName, String userName) {
    }

    /** The second factor's state, for agents and customer administrators. */
    record SecondFactor(boolean mayEnrol, boolean enrolled, int recoveryCodesLeft) {
    }

    private final SecondFactors factors;

    AccountController(SecondFactors factors) {
        this.factors = factors;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal UserDetails me, Model model) {
        String name = me instanceof CustomerUserPrincipal user ? user.displayName()
                : me instanceof AgentPrincipal agent ? agent.agent().displayName() : me.getUsername();
        model.addAttribute("nav", "account");
        model.addAttribute("account", new Account(name, me.getUsername()));
        boolean mayEnrol = factors.mayEnrol(me);
        boolean enrolled = mayEnrol && factors.enrolled(me);
        model.addAttribute("mfa", new SecondFactor(mayEnrol, enrolled, enrolled ? factors.recoveryCodesLeft(me) : 0));
        return "account/self";
    }
}
