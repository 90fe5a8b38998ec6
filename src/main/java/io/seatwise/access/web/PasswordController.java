package io.seatwise.access.web;

import java.util.OptionalLong;

import io.seatwise.access.OwnPasswords;
import io.seatwise.access.SessionEnding;
import io.seatwise.shared.DomainException;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The signed-in agent or customer user changes its password; the one page someone signed in with a temporary
 * password can reach. Wrong current passwords count like wrong sign-ins ({@link OwnPasswords}): the one that locks
 * the account signs the session out to the sign-in page, which says how long to wait.
 */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    /** The change-password form. */
    record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
    }

    private final OwnPasswords passwords;
    private final ConsoleMessages messages;
    private final SessionEnding sessions;

    PasswordController(OwnPasswords passwords, ConsoleMessages messages, SessionEnding sessions) {
        this.passwords = passwords;
        this.messages = messages;
        this.sessions = sessions;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("nav", "password");
        model.addAttribute("errors", FormErrors.none());
        return "account/password";
    }

    @PostMapping
    String change(@AuthenticationPrincipal UserDetails me, PasswordForm form, Model model, Authentication auth,
            HttpServletRequest request, HttpServletResponse response) {
        FormErrors errors;
        if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
            errors = FormErrors.of("confirmPassword", messages.get("password.mismatch"));
        } else {
            try {
                OptionalLong locked = passwords.change(me, form.currentPassword(), form.newPassword(),
                        request.getRemoteAddr());
                if (locked.isPresent()) {
                    // Too many wrong passwords: signed out, as a locked sign-in is, and told how long to wait
                    new SecurityContextLogoutHandler().logout(request, response, auth);
                    return "redirect:/login?locked=" + locked.getAsLong();
                }
                // One's other sessions end; this one stays (SessionRefresh gives it the new authorities, e.g. no
                // longer change-required only) and lands on the account page, which says the password was changed.
                sessions.endOtherSessions(me, request);
                return "redirect:/account?passwordChanged";
            } catch (DomainException e) {
                errors = messages.errors(e);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("nav", "password");
        model.addAttribute("errors", errors);
        return "account/password";
    }
}
