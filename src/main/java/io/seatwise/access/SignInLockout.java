package io.seatwise.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.seatwise.access.AccessEvents.SignInLocked;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account name (normalised, whether or not such an account exists) and per source address,
 * in the database so that every node shares them, and makes a subject that failed too often wait (LockoutPolicy).
 * An account's failures are forgotten at its next successful sign-in or when an Admin unlocks it; an address's only
 * with time, so that signing in to one's own account cannot wipe the record of guessing at others.
 */
@Service
@Transactional
class SignInLockout {

    static final String ACCOUNT = "account:";
    static final String ADDRESS = "address:";
    /** Wrong second-factor codes of an account: a right password does not forget them, only a right code does. */
    static final String SECOND_FACTOR = "mfa:";

    private final SignInFailureRepository repository;
    private final ApplicationEventPublisher events;
    private final LockoutPolicy accounts;
    private final LockoutPolicy addresses;
    private final Clock clock;

    @Autowired
    SignInLockout(SignInFailureRepository repository, ApplicationEventPublisher events,
            @Value("${seatwise.lockout.max-failures:5}") int maxFailures,
            @Value("${seatwise.lockout.wait-increment:30s}") Duration waitIncrement,
            @Value("${seatwise.lockout.max-wait:15m}") Duration maxWait,
            @Value("${seatwise.lockout.failure-reset:12h}") Duration failureReset,
            @Value("${seatwise.lockout.address.max-failures:100}") int addressMaxFailures,
            @Value("${seatwise.lockout.address.failure-reset:1h}") Duration addressFailureReset) {
        this(repository, events, new LockoutPolicy(maxFailures, waitIncrement, maxWait, failureReset),
                new LockoutPolicy(addressMaxFailures, waitIncrement, maxWait, addressFailureReset),
                Clock.systemUTC());
    }

    SignInLockout(SignInFailureRepository repository, ApplicationEventPublisher events, LockoutPolicy accounts,
            LockoutPolicy addresses, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.accounts = accounts;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** A name as sign-in compares it: agents' emails and customer users' names are case-insensitive. */
    static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /** How long a sign-in to this account from this address must still wait; empty when it may try now. */
    @Transactional(readOnly = true)
    Optional<Duration> waitFor(String name, String address) {
        return waitOn(account(name), address);
    }

    /** Counts a failed sign-in against the account and the address; may start a lock of either. */
    void failed(String name, String address) {
        failedOn(account(name), name, address);
    }

    /** The account signed in: its failures are forgotten (its address's are not). */
    void succeeded(String name) {
        repository.delete(account(name));
    }

    /**
     * How long this account's second-factor step from this address must still wait (after wrong codes, or wrong
     * passwords or codes from the address); empty when a code may be tried now.
     */
    @Transactional(readOnly = true)
    Optional<Duration> codeWaitFor(String name, String address) {
        return waitOn(secondFactor(name), address);
    }

    /**
     * Counts a wrong second-factor code against the account and the address. Kept apart from the account's password
     * failures, which the right password forgets: whoever has the password must not get fresh tries at the code by
     * signing in again.
     */
    void codeFailed(String name, String address) {
        failedOn(secondFactor(name), name, address);
    }

    /** The right code: the account's wrong codes are forgotten. */
    void codePassed(String name) {
        repository.delete(secondFactor(name));
    }

    /** Forgets the account's failures (passwords and codes) and ends its lock; whether there were any. */
    boolean unlock(String name) {
        boolean passwords = repository.delete(account(name));
        return repository.delete(secondFactor(name)) | passwords;
    }

    /** The accounts among these names that are locked now, with the end of each lock. */
    @Transactional(readOnly = true)
    Map<String, Instant> locked(Collection<String> names) {
        Map<String, String> bySubject = new LinkedHashMap<>();
        names.forEach(name -> {
            bySubject.put(account(name), name);
            bySubject.put(secondFactor(name), name);
        });
        Map<String, Instant> locked = new LinkedHashMap<>();
        repository.locks(bySubject.keySet(), clock.instant()).forEach((subject, until) ->
                locked.merge(bySubject.get(subject), until, (a, b) -> a.isAfter(b) ? a : b));
        return locked;
    }

    private Optional<Duration> waitOn(String accountSubject, String address) {
        Instant now = clock.instant();
        return repository.lockedUntil(List.of(accountSubject, ADDRESS + address), now)
                .map(until -> Duration.between(now, until));
    }

    private void failedOn(String accountSubject, String name, String address) {
        // Always the account's row first, then the address's: two sign-ins never wait for each other in a cycle.
        count(accountSubject, normalise(name), false, accounts);
        count(ADDRESS + address, address, true, addresses);
    }

    private void count(String subject, String shown, boolean byAddress, LockoutPolicy policy) {
        Instant now = clock.instant();
        var stored = repository.lockRow(subject, now);
        int failures = policy.counted(stored.failures(), stored.lastFailure(), now) + 1;
        Duration wait = policy.waitAfter(failures);
        Instant until = wait.isZero() ? null : now.plus(wait);
        repository.update(subject, new SignInFailureRepository.Failures(failures, now, until));
        if (until != null) {
            events.publishEvent(new SignInLocked(shown, byAddress, failures, wait));
        }
    }

    /** Forgets failures older than the reset times, once no lock of theirs is running. */
    @Scheduled(fixedDelayString = "${seatwise.lockout.cleanup:1h}", initialDelayString = "${seatwise.lockout.cleanup:1h}")
    void removeForgotten() {
        Instant now = clock.instant();
        repository.deleteForgotten(ACCOUNT, now.minus(accounts.failureReset()), now);
        repository.deleteForgotten(SECOND_FACTOR, now.minus(accounts.failureReset()), now);
        repository.deleteForgotten(ADDRESS, now.minus(addresses.failureReset()), now);
    }

    /**
     * An account's subject: the SHA-256 of its normalised name, so that a password typed into the name field is not
     * kept readable, and any name fits the column.
     */
    static String account(String name) {
        return ACCOUNT + digest(name);
    }

    /** An account's subject for its wrong second-factor codes. */
    static String secondFactor(String name) {
        return SECOND_FACTOR + digest(name);
    }

    private static String digest(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalise(name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
