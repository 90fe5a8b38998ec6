package io.seatwise.users;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * What signing in needs of user accounts, for the access module: a user's credentials by user name, its current
 * state, and storing a password the user chose. No permission checks: a user signing in has none yet, and each
 * method acts on one account that the caller has identified.
 */
@NamedInterface("api")
@Service
@Transactional
public class UserAccounts {

    /** A user with its password hash, for sign-in only. */
    @NamedInterface("api")
    public record Credentials(User user, String passwordHash, Instant passwordExpiresAt,
            boolean mustChangePassword) {

        /** Neither deleted nor blocked: the user may sign in and its sessions and tokens work. */
        public boolean active() {
            return user.deletedAt() == null && !user.signInBlocked();
        }
    }

    private final UserCredentialsRepository repository;

    UserAccounts(UserCredentialsRepository repository) {
        this.repository = repository;
    }

    /** The user that holds this user name (case-insensitive); a deleted user holds none. */
    @Transactional(readOnly = true)
    public Optional<Credentials> byUserName(String userName) {
        if (userName == null || userName.isBlank() || userName.strip().length() > NewUser.MAX_USER_NAME) {
            return Optional.empty();
        }
        return repository.byUserNameKey(userName.strip().toLowerCase(Locale.ROOT));
    }

    /** The user as it is now, deleted or not. */
    @Transactional(readOnly = true)
    public Optional<Credentials> find(CustomerId customerId, UserId userId) {
        return repository.find(customerId, userId);
    }

    /**
     * Stores a password the user chose (already hashed by the caller): it replaces a temporary one, which then no
     * longer has to be changed and no longer expires.
     */
    public void setChosenPassword(CustomerId customerId, UserId userId, String hash) {
        if (!repository.setChosenPassword(customerId, userId, hash, Instant.now().truncatedTo(ChronoUnit.MICROS))) {
            throw DomainException.notFound("user");
        }
    }

    /** Console sessions of this user that began before this moment are signed out (none: null). */
    @Transactional(readOnly = true)
    public Optional<Instant> sessionsValidAfter(CustomerId customerId, UserId userId) {
        return repository.sessionsValidAfter(customerId, userId);
    }

    /** Ends the user's console sessions that began before {@code at} (access.SessionEnding decides when). */
    public void endSessionsBefore(CustomerId customerId, UserId userId, Instant at) {
        repository.setSessionsValidAfter(customerId, userId, at);
    }
}
