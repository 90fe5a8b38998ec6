package io.seatwise.access.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.seatwise.access.AgentPrincipal;
import io.seatwise.access.ApiTokenService;
import io.seatwise.access.ApiTokenService.TokenInfo;
import io.seatwise.access.CustomerUserPrincipal;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tokens}: an agent's or a customer administrator's own API tokens. Creation accepts HTTP Basic
 * (email or user name, and password).
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensApiController {

    record CreateTokenRequest(String name) {
    }

    record CreatedTokenResponse(UUID id, String name, String token, String prefix, Instant createdAt) {
    }

    private final ApiTokenService tokens;

    TokensApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<CreatedTokenResponse> create(@AuthenticationPrincipal UserDetails principal,
            @RequestBody(required = false) CreateTokenRequest request) {
        boolean mustChange = principal instanceof AgentPrincipal agent && agent.agent().mustChangePassword()
                || principal instanceof CustomerUserPrincipal user && user.mustChangePassword();
        if (mustChange) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "password-change-required", null,
                    "sign in to the console and replace the temporary password first", null);
        }
        var created = tokens.create(tokens.owner(principal), request == null ? null : request.name());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.info().id()))
                .body(new CreatedTokenResponse(created.info().id(), created.info().name(), created.token(),
                        created.info().prefix(), created.info().createdAt()));
    }

    @GetMapping
    List<TokenInfo> list(@AuthenticationPrincipal UserDetails principal) {
        return tokens.list(tokens.owner(principal));
    }

    @DeleteMapping("/{tokenId}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal UserDetails principal, @PathVariable String tokenId) {
        tokens.revoke(tokens.owner(principal), Ids.parse(tokenId, "token"));
        return ResponseEntity.noContent().build();
    }
}
