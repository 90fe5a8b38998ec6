package io.seatwise.access;

import java.util.Optional;

import io.seatwise.access.AccessEvents.CustomerUserPasswordChanged;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.users.UserAccounts;
import io.seatwise.users.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer users in the console and the API: sign-in by user name (case-insensitive), their current state for
 * sessions and tokens, and choosing their own password (which replaces a temporary one).
 */
@Service
@Transactional
public class CustomerSignIn {

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    CustomerSignIn(UserAccounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
    }

    /** The sign-in lookup (a UserDetailsService for the second authentication provider). */
    @Transactional(readOnly = true)
    UserDetails loadUserByUsername(String userName) {
        return accounts.byUserName(userName).map(CustomerUserPrincipal::forSignIn)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The user as it is now (blocked and deleted included, see {@link CustomerUserPrincipal#isEnabled()}). */
    @Transactional(readOnly = true)
    Optional<CustomerUserPrincipal> current(CustomerId customerId, UserId userId) {
        return accounts.find(customerId, userId).map(CustomerUserPrincipal::current);
    }

    /**
     * The signed-in user replaces its password, proving the current one (the temporary one at first sign-in). The
     * new one follows the agents' policy and is stored with Argon2id.
     */
    public void changePassword(CustomerUserPrincipal me, String current, String newPassword) {
        var credentials = accounts.find(me.customerId(), me.userId()).filter(UserAccounts.Credentials::active)
                .orElseThrow(() -> DomainException.notFound("user"));
        if (current == null || credentials.passwordHash() == null
                || !passwords.matches(current, credentials.passwordHash())) {
            throw DomainException.invalid("wrong-password", "currentPassword", "the current password is not correct");
        }
        Passwords.check(newPassword, "newPassword");
        if (newPassword.equals(current)) {
            throw DomainException.invalid("validation", "newPassword", "choose a password other than the current one");
        }
        accounts.setChosenPassword(me.customerId(), me.userId(), passwords.encode(newPassword));
        events.publishEvent(new CustomerUserPasswordChanged(me.customerId(), me.userId(),
                credentials.user().userPrincipalName()));
    }
}
