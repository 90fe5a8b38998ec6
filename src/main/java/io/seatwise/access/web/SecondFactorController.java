package io.seatwise.access.web;

import java.util.List;

import io.seatwise.access.SecondFactorSession;
import io.seatwise.access.SecondFactors;
import io.seatwise.access.SecondFactors.Enrolment;
import io.seatwise.shared.DomainException;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.ConsoleView;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The second step of signing in ({@code /login/mfa}: the code, or enrolment for someone who has no second factor
 * yet) and setting one up from the account page ({@code /account/mfa}). Recovery codes are shown once, right after
 * the first code confirmed the enrolment.
 */
@Controller
class SecondFactorController {

    /** The code form (a TOTP code or a recovery code). */
    record CodeForm(String code) {
    }

    private final SecondFactors factors;
    private final ConsoleMessages messages;
    private final ConsoleView console;

    SecondFactorController(SecondFactors factors, ConsoleMessages messages, ConsoleView console) {
        this.factors = factors;
        this.messages = messages;
        this.console = console;
    }

    @GetMapping("/login/mfa")
    String step(@AuthenticationPrincipal UserDetails me, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!SecondFactorSession.pending(request)) {
            return "redirect:" + console.home();
        }
        if (factors.enrolled(me)) {
            model.addAttribute("errors", FormErrors.none());
            return "mfa/code";
        }
        return enrolPage(me, model, "/login/mfa/enrol", FormErrors.none(), response);
    }

    @PostMapping("/login/mfa")
    String verify(@AuthenticationPrincipal UserDetails me, CodeForm form, Model model, Authentication auth,
            HttpServletRequest request, HttpServletResponse response) {
        if (!SecondFactorSession.pending(request)) {
            return "redirect:" + console.home();
        }
        io.seatwise.access.CodeCheck check = factors.check(me, form.code(), request.getRemoteAddr());
        if (check.passed()) {
            SecondFactorSession.pass(request);
            return "redirect:" + console.home();
        }
        if (check.locked()) {
            new SecurityContextLogoutHandler().logout(request, response, auth);
            return "redirect:/login?locked=" + check.retryAfterMinutes();
        }
        if (SecondFactorSession.failed(request)) {
            new SecurityContextLogoutHandler().logout(request, response, auth);
            return "redirect:/login?mfaFailed";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", FormErrors.of("code", messages.get("mfa.wrongCode")));
        return "mfa/code";
    }

    @PostMapping("/login/mfa/enrol")
    String confirmAtSignIn(@AuthenticationPrincipal UserDetails me, CodeForm form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (!SecondFactorSession.pending(request)) {
            return "redirect:" + console.home();
        }
        return confirm(me, form, model, "/login/mfa/enrol", request, response);
    }

    /** The enrolment's QR code, as an image of its own: no inline data for the page's content policy to allow. */
    @GetMapping("/login/mfa/qr")
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal UserDetails me) {
        Enrolment enrolment = factors.startEnrolment(me);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(enrolment.uri(), 240));
    }

    @GetMapping("/account/mfa")
    String enrolFromAccount(@AuthenticationPrincipal UserDetails me, Model model, HttpServletResponse response) {
        if (factors.enrolled(me)) {
            return "redirect:/account";
        }
        return enrolPage(me, model, "/account/mfa", FormErrors.none(), response);
    }

    @PostMapping("/account/mfa")
    String confirmFromAccount(@AuthenticationPrincipal UserDetails me, CodeForm form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return confirm(me, form, model, "/account/mfa", request, response);
    }

    private String confirm(UserDetails me, CodeForm form, Model model, String action, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            List<String> codes = factors.confirm(me, form.code());
            SecondFactorSession.pass(request);
            // The recovery codes are in this response only: keep them out of every cache.
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("codes", codes);
            model.addAttribute("home", console.home());
            return "mfa/recovery";
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return enrolPage(me, model, action, FormErrors.of("code", messages.get("mfa.wrongCode")), response);
        }
    }

    private String enrolPage(UserDetails me, Model model, String action, FormErrors errors,
            HttpServletResponse response) {
        Enrolment enrolment = factors.startEnrolment(me);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("secret", enrolment.secret());
        model.addAttribute("action", action);
        model.addAttribute("errors", errors);
        return "mfa/enrol";
    }
}
