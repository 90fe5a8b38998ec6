package io.seatwise.access;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.seatwise.access.AccessEvents.AgentChanged;
import io.seatwise.access.AccessEvents.AgentInvited;
import io.seatwise.access.AccessEvents.PasswordChanged;
import io.seatwise.access.AccessEvents.SignInUnlocked;
import io.seatwise.shared.CleanText;
import io.seatwise.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partner agents: sign-in lookup, invitations, roles, passwords. */
@Service
@Transactional
public class AgentService implements UserDetailsService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,}$");

    /** An invited agent and the temporary password to hand over, shown once. */
    public record Invitation(Agent agent, String temporaryPassword) {

        /** Never the password: a record's own toString would put it in any log that prints this. */
        @Override
        public String toString() {
            return "Invitation[agent=" + agent.id() + ", temporaryPassword=(hidden)]";
        }
    }

    private final AgentRepository repository;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Duration temporaryPasswordValidity;
    private final SignInLockout lockout;

    AgentService(AgentRepository repository, PasswordEncoder passwords, ApplicationEventPublisher events,
            @Value("${seatwise.temporary-password-validity:14d}") Duration temporaryPasswordValidity,
            SignInLockout lockout) {
        this.repository = repository;
        this.passwords = passwords;
        this.events = events;
        this.temporaryPasswordValidity = temporaryPasswordValidity;
        this.lockout = lockout;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        return repository.credentials(email == null ? "" : email.strip())
                .map(c -> new AgentPrincipal(c.agent(), c.passwordHash(), c.passwordExpiresAt()))
                .orElseThrow(() -> new UsernameNotFoundException("no such agent"));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('agents:manage')")
    public List<Agent> list() {
        return repository.list();
    }

    @PreAuthorize("hasAuthority('agents:manage')")
    public Invitation invite(String email, String displayName, Role role) {
        String temporary = Passwords.generate();
        Agent agent = create(email, displayName, role, temporary, true);
        return new Invitation(agent, temporary);
    }

    /** Creates an agent; used by invitations and by the first start. */
    Agent create(String email, String displayName, Role role, String password, boolean mustChange) {
        String mail = email == null ? "" : CleanText.check(email.strip(), "email");
        if (mail.toLowerCase(Locale.ROOT).length() > 254 || !EMAIL.matcher(mail).matches()) {
            throw DomainException.invalid("validation", "email", "'" + email + "' is not an email address");
        }
        String name = displayName == null || displayName.isBlank() ? mail : CleanText.name(displayName, "displayName");
        if (name.length() > 100) {
            throw DomainException.invalid("validation", "displayName", "displayName is longer than 100 characters");
        }
        if (role == null) {
            throw DomainException.invalid("validation", "role", "role is required (ADMIN, SALES or HELPDESK)");
        }
        if (repository.credentials(mail).isPresent()) {
            throw emailTaken(mail);
        }
        Agent agent = new Agent(AgentId.generate(), mail, name, role, true, mustChange,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            repository.insert(agent, passwords.encode(password),
                    mustChange ? agent.createdAt().plus(temporaryPasswordValidity) : null);
        } catch (DuplicateKeyException raced) {
            throw emailTaken(mail);
        }
        events.publishEvent(new AgentInvited(agent.id(), agent.email(), role));
        return agent;
    }

    private static DomainException emailTaken(String mail) {
        return DomainException.conflict("email-taken", "email", "an agent with email " + mail.toLowerCase(Locale.ROOT)
                + " already exists");
    }

    /** Changes role and enabled state; the last enabled Admin agent cannot be demoted or disabled. */
    @PreAuthorize("hasAuthority('agents:manage')")
    public Agent update(AgentId id, Role role, Boolean enabled) {
        Agent agent = repository.find(id).orElseThrow(() -> DomainException.notFound("agent"));
        Role newRole = role == null ? agent.role() : role;
        boolean newEnabled = enabled == null ? agent.enabled() : enabled;
        boolean losesAdmin = agent.role() == Role.ADMIN && agent.enabled()
                && (newRole != Role.ADMIN || !newEnabled);
        if (losesAdmin && repository.lockEnabledAdmins() <= 1) {
            throw DomainException.conflict("last-admin", role != null ? "role" : "enabled",
                    "the last enabled Admin agent cannot be demoted or disabled");
        }
        repository.update(id, newRole, newEnabled);
        events.publishEvent(new AgentChanged(id, agent.email(), newRole, newEnabled));
        return repository.find(id).orElseThrow();
    }

    /** An agent changes its own password, proving the current one. */
    public void changePassword(AgentId id, String current, String newPassword) {
        var credentials = repository.find(id).flatMap(a -> repository.credentials(a.email()))
                .orElseThrow(() -> DomainException.notFound("agent"));
        if (current == null || !passwords.matches(current, credentials.passwordHash())) {
            throw DomainException.invalid("wrong-password", "currentPassword", "the current password is not correct");
        }
        Passwords.check(newPassword, "newPassword");
        if (newPassword.equals(current)) {
            throw DomainException.invalid("validation", "newPassword", "choose a password other than the current one");
        }
        repository.setPassword(id, passwords.encode(newPassword), false);
        events.publishEvent(new PasswordChanged(id, credentials.agent().email()));
    }

    /**
     * Ends the agent's lock after failed sign-ins and forgets those failures (not its addresses'); logged when there
     * was anything to forget.
     */
    @PreAuthorize("hasAuthority('agents:manage')")
    public Agent unlock(AgentId id) {
        Agent agent = repository.find(id).orElseThrow(() -> DomainException.notFound("agent"));
        if (lockout.unlock(agent.email())) {
            events.publishEvent(new SignInUnlocked(id, agent.email()));
        }
        return agent;
    }

    /** The agents locked now after failed sign-ins, with the end of each lock. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('agents:manage')")
    public Map<AgentId, Instant> locked(List<Agent> agents) {
        Map<String, Instant> byEmail = lockout.locked(agents.stream().map(Agent::email).toList());
        Map<AgentId, Instant> locked = new HashMap<>();
        agents.forEach(a -> {
            Instant until = byEmail.get(a.email());
            if (until != null) {
                locked.put(a.id(), until);
            }
        });
        return locked;
    }

    @Transactional(readOnly = true)
    public Agent require(AgentId id) {
        return repository.find(id).orElseThrow(() -> DomainException.notFound("agent"));
    }

    @Transactional(readOnly = true)
    boolean anyAgent() {
        return repository.count() > 0;
    }
}
