package io.seatwise.provisioning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.BearerSecrets;
import io.seatwise.shared.CleanText;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's SCIM provisioning tokens: made like API tokens ({@link BearerSecrets}: shown once, stored as
 * SHA-256), by an agent that may change customers (Admin, Sales; not Helpdesk) or by the customer's own Global
 * admin, never by anyone else. Tenant scoping goes through {@link CustomersService#require}, so a Global admin
 * naming another customer gets not-found.
 */
@Service
@Transactional
public class ScimTokens {

    /** What every SCIM token starts with; an API token ({@code sw_…}) never does, nor the reverse. */
    public static final String PREFIX = "swscim_";
    static final String MANAGE = "(hasAuthority('customers:write') or hasAuthority('directory-role:GLOBAL_ADMIN'))"
            + " and !hasAuthority('password:change-required')";

    private final ScimTokenRepository repository;
    private final CustomersService customers;
    private final ApplicationEventPublisher events;

    ScimTokens(ScimTokenRepository repository, CustomersService customers, ApplicationEventPublisher events) {
        this.repository = repository;
        this.customers = customers;
        this.events = events;
    }

    @PreAuthorize(MANAGE)
    public ScimToken.Created create(CustomerId customer, String name) {
        customers.require(customer);
        String clean = CleanText.name(name, "name");
        if (clean == null) {
            throw DomainException.invalid("validation", "name", "name is required");
        }
        if (clean.length() > 100) {
            throw DomainException.invalid("validation", "name", "name is longer than 100 characters");
        }
        String token = BearerSecrets.generate(PREFIX);
        ScimToken info = new ScimToken(Ids.next(), clean, token.substring(0, PREFIX.length() + 4),
                CurrentActor.name(), Instant.now().truncatedTo(ChronoUnit.MICROS), null, null);
        repository.insert(customer, info, BearerSecrets.hash(token));
        events.publishEvent(new ScimTokenChanged(customer, clean, false));
        return new ScimToken.Created(info, token);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(MANAGE)
    public List<ScimToken> list(CustomerId customer) {
        customers.require(customer);
        return repository.list(customer);
    }

    @PreAuthorize(MANAGE)
    public void revoke(CustomerId customer, UUID tokenId) {
        customers.require(customer);
        ScimToken token = repository.find(customer, tokenId).orElseThrow(() -> DomainException.notFound("token"));
        if (!repository.revoke(customer, tokenId, Instant.now())) {
            throw DomainException.conflict("token-revoked", null, "the token is already revoked");
        }
        events.publishEvent(new ScimTokenChanged(customer, token.name(), true));
    }

    /**
     * The principal of a valid, unrevoked SCIM token; its use is recorded (at most once a minute). Empty for anything
     * else. Outside a transaction: a read and, once a minute, one conditional UPDATE need none, and this runs before
     * every SCIM request.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    Optional<ScimPrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<ScimTokenRepository.Active> active = repository.active(BearerSecrets.hash(token));
        Instant now = Instant.now();
        active.filter(a -> a.dueForTouch(now)).ifPresent(a -> repository.touch(a.principal().tokenId(), now));
        return active.map(ScimTokenRepository.Active::principal);
    }
}
