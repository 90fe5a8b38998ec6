package io.seatwise.access;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.seatwise.access.AccessEvents.SecondFactorChanged;
import io.seatwise.access.SecondFactorRepository.Factor;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.Sealer;
import io.seatwise.shared.Secrets;
import io.seatwise.users.DirectoryRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP second factors (RFC 6238, see {@link Totp}) of agents and customer administrators: who needs one, enrolment
 * (the first code confirms it and yields 10 one-time recovery codes), checking a code or a recovery code (each
 * accepted once), an Admin agent's reset, and a customer's rule that its administrators use one. Agents need one
 * unless {@code seatwise.mfa.required} is false. Secrets are sealed with the application's key (shared.Sealer).
 */
@Service
@Transactional
public class SecondFactors {

    static final int RECOVERY_CODES = 10;
    /** No 0/O or 1/I/L: recovery codes are read off paper. 10 of these are about 49 bits. */
    private static final String RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A started enrolment: the secret in Base32 (what people type) and the otpauth URI (what the QR code holds). */
    public record Enrolment(String secret, String uri) {

        @Override
        public String toString() {
            return "Enrolment[(hidden)]";
        }
    }

    private final SecondFactorRepository repository;
    private final AgentRepository agents;
    private final Sealer sealer;
    private final Secrets secrets;
    private final CustomersService customers;
    private final ApplicationEventPublisher events;
    private final boolean agentsRequired;
    private final SignInLockout lockout;

    SecondFactors(SecondFactorRepository repository, AgentRepository agents, Sealer sealer, Secrets secrets, CustomersService customers,
            ApplicationEventPublisher events, @Value("${seatwise.mfa.required:true}") boolean agentsRequired,
            SignInLockout lockout) {
        this.lockout = lockout;
        this.repository = repository;
        this.agents = agents;
        this.sealer = sealer;
        this.secrets = secrets;
        this.customers = customers;
        this.events = events;
        this.agentsRequired = agentsRequired;
    }

    /** Whether this person must pass a second factor after its password (enrolling first if it has none). */
    @Transactional(readOnly = true)
    public boolean needed(UserDetails person) {
        return enrolled(person) || required(person);
    }

    /** Whether this person must have a second factor: every agent by default, a customer's admins if it says so. */
    @Transactional(readOnly = true)
    public boolean required(UserDetails person) {
        if (person instanceof AgentPrincipal) {
            return agentsRequired;
        }
        return person instanceof CustomerUserPrincipal user && user.administers()
                && repository.adminsRequired(user.customerId());
    }

    /** Agents and customer administrators may set up a second factor; other customer users have no use for one. */
    public boolean mayEnrol(UserDetails person) {
        return person instanceof AgentPrincipal
                || person instanceof CustomerUserPrincipal user && user.administers();
    }

    @Transactional(readOnly = true)
    public boolean enrolled(UserDetails person) {
        return repository.find(owner(person)).filter(Factor::confirmed).isPresent();
    }

    /** Starts (or shows again) the enrolment of someone without a confirmed second factor. */
    public Enrolment startEnrolment(UserDetails person) {
        if (!mayEnrol(person)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", null,
                    "only agents and customer administrators use a second factor", null);
        }
        TokenOwner owner = owner(person);
        Factor factor = repository.find(owner).orElse(null);
        if (factor != null && factor.confirmed()) {
            throw DomainException.conflict("mfa-enrolled", null, "a second factor is already set up");
        }
        byte[] secret;
        if (factor == null) {
            secret = Totp.newSecret();
            repository.insert(Ids.next(), owner, sealer.seal(secret), Instant.now());
        } else {
            secret = sealer.openBytes(factor.secretSealed());
        }
        String base32 = Totp.base32(secret);
        String label = URLEncoder.encode("Seatwise:" + owner.name(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32
                + "&issuer=Seatwise&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    /** The first code confirms the enrolment; the answer is the recovery codes, shown this once. */
    public List<String> confirm(UserDetails person, String code) {
        TokenOwner owner = owner(person);
        Factor factor = repository.find(owner).filter(f -> !f.confirmed())
                .orElseThrow(() -> DomainException.conflict("mfa-not-enrolling", "code",
                        "no second factor is being set up"));
        if (!takeCode(factor, code)) {
            throw wrongCode();
        }
        repository.confirm(factor.id(), Instant.now());
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = newRecoveryCode();
            codes.add(recovery);
            hashes.add(recoveryHash(recovery));
        }
        repository.insertRecoveryCodes(factor.id(), hashes);
        events.publishEvent(new SecondFactorChanged(owner.agentId(), owner.customerId(), owner.name(), true));
        return codes;
    }

    /**
     * Checks the second-factor code of a sign-in from {@code remoteAddress}, counted like passwords (SignInLockout):
     * each wrong code counts against the account and the address, a locked account or address has its code refused
     * unseen, and only a right code forgets the account's wrong codes (a right password does not).
     */
    public CodeCheck check(UserDetails person, String code, String remoteAddress) {
        String name = person.getUsername();
        String address = RateLimitFilter.address(remoteAddress);
        Optional<Duration> wait = lockout.codeWaitFor(name, address);
        if (wait.isPresent()) {
            return new CodeCheck(false, wait.get());
        }
        if (verify(person, code)) {
            lockout.codePassed(name);
            return CodeCheck.PASSED;
        }
        lockout.codeFailed(name, address);
        return CodeCheck.WRONG;
    }

    /** Whether this is the current code (not used before) or an unused recovery code of the person's factor. */
    boolean verify(UserDetails person, String code) {
        Factor factor = repository.find(owner(person)).filter(Factor::confirmed).orElse(null);
        if (factor == null || code == null) {
            return false;
        }
        String compact = code.replace(" ", "").replace("-", "").strip().toUpperCase(Locale.ROOT);
        if (compact.length() == Totp.DIGITS) {
            return takeCode(factor, compact);
        }
        return compact.length() == 10 && repository.useRecoveryCode(factor.id(), recoveryHash(compact),
                Instant.now());
    }

    /** How many recovery codes are left. */
    @Transactional(readOnly = true)
    public int recoveryCodesLeft(UserDetails person) {
        return repository.find(owner(person)).filter(Factor::confirmed)
                .map(f -> repository.unusedRecoveryCodes(f.id())).orElse(0);
    }

    /** An Admin agent removes another agent's second factor (lost phone): it sets one up at its next sign-in. */
    @PreAuthorize("hasAuthority('agents:manage')")
    public Agent reset(AgentId agentId) {
        Agent agent = agents.find(agentId).orElseThrow(() -> DomainException.notFound("agent"));
        if (!repository.delete(TokenOwner.of(agent))) {
            throw DomainException.conflict("mfa-not-enrolled", null, agent.email() + " has no second factor");
        }
        events.publishEvent(new SecondFactorChanged(agent.id(), null, agent.email(), false));
        return agent;
    }

    /** Whether an agent has a confirmed second factor (the agents list shows it to Admin agents). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('agents:manage')")
    public boolean enrolled(AgentId agentId) {
        return agents.find(agentId).flatMap(a -> repository.find(TokenOwner.of(a))).filter(Factor::confirmed)
                .isPresent();
    }

    /** Whether the customer requires its administrators to use a second factor. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('customers:read')")
    public boolean adminsRequired(CustomerId customer) {
        customers.require(customer);
        return repository.adminsRequired(customer);
    }

    /**
     * Whether this person may set the customer's rule: an agent that may change customers, or the customer's own
     * Global admin (the setting is the customer's, as in its directory).
     */
    public boolean maySetPolicy(UserDetails me, CustomerId customer) {
        boolean agent = me instanceof AgentPrincipal && me.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Permission.CUSTOMERS_WRITE.authority()));
        boolean globalAdmin = me instanceof CustomerUserPrincipal user && user.customerId().equals(customer)
                && user.directoryRole() == DirectoryRole.GLOBAL_ADMIN && !user.mustChangePassword();
        return agent || globalAdmin;
    }

    /** The same for the signed-in person (the customer's page asks whether to show the setting). */
    @Transactional(readOnly = true)
    public boolean maySetPolicy(CustomerId customer) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof UserDetails me && maySetPolicy(me, customer);
    }

    /** Sets whether the customer's administrators must use a second factor (from their next sign-in). */
    public void requireForAdmins(UserDetails me, CustomerId customer, boolean required) {
        customers.require(customer);
        if (!maySetPolicy(me, customer)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "forbidden", null,
                    "only the customer's Global admin or an agent that manages customers sets this", null);
        }
        repository.setAdminsRequired(customer, required, Instant.now());
    }

    private boolean takeCode(Factor factor, String code) {
        byte[] secret = sealer.openBytes(factor.secretSealed());
        OptionalLong step = Totp.match(secret, code, Totp.step(Instant.now()), factor.lastStep());
        return step.isPresent() && repository.takeStep(factor.id(), step.getAsLong());
    }

    static TokenOwner owner(UserDetails person) {
        if (person instanceof AgentPrincipal agent) {
            return TokenOwner.of(agent.agent());
        }
        if (person instanceof CustomerUserPrincipal user) {
            return TokenOwner.of(user);
        }
        throw new IllegalArgumentException("not a Seatwise account");
    }

    private static DomainException wrongCode() {
        return DomainException.invalid("invalid-otp", "code", "the code is not correct, or it was already used");
    }

    private static String newRecoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    /** A keyed hash: a leaked table alone does not let anyone try the ~2^49 codes offline. */
    private String recoveryHash(String code) {
        String compact = code.replace("-", "").toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key("recovery-codes"), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(compact.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
