package io.seatwise.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.access.AccessEvents.ApiTokenChanged;
import io.seatwise.access.AgentRepository.TokenRow;
import io.seatwise.shared.BearerSecrets;
import io.seatwise.shared.CleanText;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.users.UserEvents.UserDeleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens an agent or a customer administrator makes for itself: {@link BearerSecrets} (256 random bits, shown
 * once, stored as SHA-256), revocable.
 */
@Service
@Transactional
public class ApiTokenService {

    static final String PREFIX = "sw_";

    /** A token as listed: never its secret. */
    public record TokenInfo(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {
    }

    /** A new token with its secret, shown once. */
    public record NewToken(TokenInfo info, String token) {
    }

    private final AgentRepository repository;
    private final CustomerSignIn customerUsers;
    private final ApplicationEventPublisher events;

    ApiTokenService(AgentRepository repository, CustomerSignIn customerUsers, ApplicationEventPublisher events) {
        this.repository = repository;
        this.customerUsers = customerUsers;
        this.events = events;
    }

    /**
     * The owner of the signed-in principal's tokens. A customer user owns tokens only while it administers its
     * customer: any other customer user has nothing to do in the API (403).
     */
    public TokenOwner owner(UserDetails principal) {
        if (principal instanceof AgentPrincipal agent) {
            return TokenOwner.of(agent.agent());
        }
        if (principal instanceof CustomerUserPrincipal user && user.administers()) {
            return TokenOwner.of(user);
        }
        throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", null,
                "only agents and customer administrators use API tokens", null);
    }

    public NewToken create(Agent agent, String name) {
        return create(TokenOwner.of(agent), name);
    }

    public NewToken create(TokenOwner owner, String name) {
        String clean = CleanText.name(name, "name");
        if (clean == null) {
            throw DomainException.invalid("validation", "name", "name is required");
        }
        if (clean.length() > 100) {
            throw DomainException.invalid("validation", "name", "name is longer than 100 characters");
        }
        String token = BearerSecrets.generate(PREFIX);
        UUID id = Ids.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String prefix = token.substring(0, 10);
        repository.insertToken(id, owner, clean, hash(token), prefix, now);
        events.publishEvent(changed(owner, clean, false));
        return new NewToken(new TokenInfo(id, clean, prefix, now, null, null), token);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(Agent agent) {
        return list(TokenOwner.of(agent));
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(TokenOwner owner) {
        return repository.tokens(owner).stream().map(t -> new TokenInfo(t.id(), t.name(), t.prefix(),
                t.createdAt(), t.lastUsedAt(), t.revokedAt())).toList();
    }

    public void revoke(Agent agent, UUID tokenId) {
        revoke(TokenOwner.of(agent), tokenId);
    }

    public void revoke(TokenOwner owner, UUID tokenId) {
        String name = repository.tokenName(owner, tokenId).orElseThrow(() -> DomainException.notFound("token"));
        if (!repository.revokeToken(owner, tokenId, Instant.now())) {
            throw DomainException.conflict("token-revoked", null, "the token is already revoked");
        }
        events.publishEvent(changed(owner, name, true));
    }

    private static ApiTokenChanged changed(TokenOwner owner, String name, boolean revoked) {
        return new ApiTokenChanged(owner.agentId(), owner.name(), name, revoked, owner.customerId());
    }

    /**
     * Who a bearer token authenticates, as it is now: an enabled agent, or a customer user that is neither blocked
     * nor deleted (its current directory role decides what it may do).
     */
    Optional<UserDetails> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<UserDetails> owner = repository.tokenOwner(hash).flatMap(this::principal);
        owner.ifPresent(o -> repository.touchToken(hash, Instant.now()));
        return owner;
    }

    private Optional<UserDetails> principal(TokenRow row) {
        if (row.agentId() != null) {
            return repository.find(row.agentId()).filter(Agent::enabled).map(a -> new AgentPrincipal(a, null, null));
        }
        return customerUsers.current(row.customerId(), row.userId()).filter(CustomerUserPrincipal::isEnabled)
                .map(UserDetails.class::cast);
    }

    /** A deleted user's tokens are revoked: restoring the account does not bring them back. */
    @EventListener
    void on(UserDeleted e) {
        repository.revokeUserTokens(e.customerId(), e.userId(), Instant.now());
    }

    static String hash(String token) {
        return BearerSecrets.hash(token);
    }
}
