package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.access.AccessEvents.ApiTokenChanged;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens an agent makes for itself: 256 random bits, shown once, stored as SHA-256 (a slow hash buys nothing
 * for a secret that long), revocable.
 */
@Service
@Transactional
public class ApiTokenService {

    static final String PREFIX = "sw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as listed: never its secret. */
    public record TokenInfo(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {
    }

    /** A new token with its secret, shown once. */
    public record NewToken(TokenInfo info, String token) {
    }

    private final AgentRepository repository;
    private final ApplicationEventPublisher events;

    ApiTokenService(AgentRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    public NewToken create(Agent agent, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw DomainException.invalid("validation", "name", "name is required");
        }
        if (clean.length() > 100) {
            throw DomainException.invalid("validation", "name", "name is longer than 100 characters");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = Ids.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String prefix = token.substring(0, 10);
        repository.insertToken(id, agent.id(), clean, hash(token), prefix, now);
        events.publishEvent(new ApiTokenChanged(agent.id(), agent.email(), clean, false));
        return new NewToken(new TokenInfo(id, clean, prefix, now, null, null), token);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(Agent agent) {
        return repository.tokens(agent.id()).stream().map(t -> new TokenInfo(t.id(), t.name(), t.prefix(),
                t.createdAt(), t.lastUsedAt(), t.revokedAt())).toList();
    }

    public void revoke(Agent agent, UUID tokenId) {
        String name = repository.tokenName(agent.id(), tokenId).orElseThrow(() -> DomainException.notFound("token"));
        if (!repository.revokeToken(agent.id(), tokenId, Instant.now())) {
            throw DomainException.conflict("token-revoked", null, "the token is already revoked");
        }
        events.publishEvent(new ApiTokenChanged(agent.id(), agent.email(), name, true));
    }

    /** The agent a bearer token belongs to, when the token is live and its agent enabled. */
    Optional<Agent> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<Agent> agent = repository.agentByTokenHash(hash);
        agent.ifPresent(a -> repository.touchToken(hash, Instant.now()));
        return agent;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
