package io.seatwise.access.web;

import io.seatwise.access.AgentPrincipal;
import io.seatwise.access.CustomerUserPrincipal;
import io.seatwise.access.SecondFactors;
import io.seatwise.access.SessionEnding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The signed-in person's own account: its name and user name, and the way to change its password. For a customer
 * user that administers nothing this is the whole console. "Sign out everywhere" ends all one's sessions and tokens.
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
    private final SessionEnding sessions;

    AccountController(SecondFactors factors, SessionEnding sessions) {
        this.factors = factors;
        this.sessions = sessions;
    }

    /** Ends all one's sessions, this one included, and revokes one's API tokens. */
    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(@AuthenticationPrincipal UserDetails me, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response) {
        sessions.endEverything(me);
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?signedOutEverywhere";
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
