package io.seatwise.access.web;

import io.seatwise.access.AgentPrincipal;
import io.seatwise.access.CustomerUserPrincipal;
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

    @GetMapping("/account")
    String account(@AuthenticationPrincipal UserDetails me, Model model) {
        String name = me instanceof CustomerUserPrincipal user ? user.displayName()
                : me instanceof AgentPrincipal agent ? agent.agent().displayName() : me.getUsername();
        model.addAttribute("nav", "account");
        model.addAttribute("account", new Account(name, me.getUsername()));
        return "account/self";
    }
}
