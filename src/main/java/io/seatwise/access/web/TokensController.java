package io.seatwise.access.web;

import java.util.Map;
import java.util.UUID;

import io.seatwise.access.ApiTokenService;
import io.seatwise.access.ApiTokenService.NewToken;
import io.seatwise.access.ApiTokenService.TokenInfo;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.Confirmation;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in agent's or customer administrator's own API tokens: list, create (the secret shown once), revoke. */
@Controller
@RequestMapping("/account/tokens")
class TokensController {

    /** The new-token form. */
    record TokenForm(String name) {
    }

    private final ApiTokenService tokens;
    private final ConsoleMessages messages;

    TokensController(ApiTokenService tokens, ConsoleMessages messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal UserDetails me, Model model) {
        fill(model, me, new TokenForm(""), FormErrors.none());
        return "account/tokens";
    }

    @PostMapping
    String create(@AuthenticationPrincipal UserDetails me, TokenForm form, Model model,
            HttpServletResponse response) {
        try {
            NewToken token = tokens.create(tokens.owner(me), form.name());
            // The secret is in this response only: keep it out of every cache.
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("nav", "tokens");
            model.addAttribute("token", token);
            return "account/token-created";
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, me, form, messages.errors(e));
            return "account/tokens";
        }
    }

    /** Asks before revoking a token. */
    @GetMapping("/{tokenId}/revoke")
    String confirmRevoke(@AuthenticationPrincipal UserDetails me, @PathVariable String tokenId, Model model) {
        TokenInfo token = find(me, Ids.parse(tokenId, "token"));
        model.addAttribute("nav", "tokens");
        model.addAttribute("confirmation", new Confirmation(messages.get("tokens.revoke"),
                messages.get("tokens.revokeQuestion", token.name(), token.prefix()),
                "/account/tokens/" + token.id() + "/revoke", Map.of(), messages.get("tokens.revoke"),
                "/account/tokens", true));
        return "confirm";
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal UserDetails me, @PathVariable String tokenId,
            RedirectAttributes redirect) {
        TokenInfo token = find(me, Ids.parse(tokenId, "token"));
        try {
            tokens.revoke(tokens.owner(me), token.id());
            redirect.addFlashAttribute("success", messages.get("tokens.revoked", token.name()));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("failure", messages.text(e));
        }
        return "redirect:/account/tokens";
    }

    private void fill(Model model, UserDetails me, TokenForm form, FormErrors errors) {
        model.addAttribute("nav", "tokens");
        model.addAttribute("tokens", tokens.list(tokens.owner(me)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    private TokenInfo find(UserDetails me, UUID id) {
        return tokens.list(tokens.owner(me)).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.notFound("token"));
    }
}
