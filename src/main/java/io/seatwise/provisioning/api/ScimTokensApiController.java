package io.seatwise.provisioning.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.provisioning.ScimToken;
import io.seatwise.provisioning.ScimTokens;
import io.seatwise.shared.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's SCIM provisioning tokens: created (the secret answered once), listed, revoked. */
@RestController
@RequestMapping("/api/v1/customers/{id}/scimtokens")
class ScimTokensApiController {

    record CreateRequest(String name) {
    }

    record CreatedResponse(UUID id, String name, String token, String prefix, String createdBy, Instant createdAt) {
    }

    private final ScimTokens tokens;

    ScimTokensApiController(ScimTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<CreatedResponse> create(@PathVariable String id, @RequestBody(required = false) CreateRequest body) {
        CustomerId customer = customer(id);
        ScimToken.Created created = tokens.create(customer, body == null ? null : body.name());
        ScimToken info = created.info();
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer + "/scimtokens/" + info.id()))
                .body(new CreatedResponse(info.id(), info.name(), created.token(), info.prefix(), info.createdBy(),
                        info.createdAt()));
    }

    @GetMapping
    List<ScimToken> list(@PathVariable String id) {
        return tokens.list(customer(id));
    }

    @DeleteMapping("/{tokenId}")
    ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable String tokenId) {
        tokens.revoke(customer(id), Ids.parse(tokenId, "token"));
        return ResponseEntity.noContent().build();
    }

    private static CustomerId customer(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }
}
