package io.seatwise.access;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import io.seatwise.shared.DomainException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;

/**
 * A signed-in person changes their own password on the console's password page, proving the current one. A wrong
 * current password counts like a wrong password at sign-in ({@link SignInLockout}, against the account and the
 * address): whoever holds someone's session must not get unlimited guesses at that person's password. While the
 * account or the address is locked, the current password is not even checked.
 *
 * <p>No transaction of its own: the change (its own transaction) rolls back on a wrong password, the count of the
 * failure must not.
 */
@Service
public class OwnPasswords {

    private final AgentService agents;
    private final CustomerSignIn customerUsers;
    private final SignInLockout lockout;

    OwnPasswords(AgentService agents, CustomerSignIn customerUsers, SignInLockout lockout) {
        this.agents = agents;
        this.customerUsers = customerUsers;
        this.lockout = lockout;
    }

    /**
     * Changes the password of {@code me} (an agent or a customer user) from {@code remoteAddress}. Answers empty when
     * it was changed; the minutes to wait (rounded up) when it was refused because the account or the address is
     * locked, now or by this very failure: the caller then signs the session out. Throws the change's
     * {@link DomainException} for a wrong current password that locks nothing yet, or a new password the policy
     * refuses.
     */
    public OptionalLong change(UserDetails me, String current, String newPassword, String remoteAddress) {
        String name = me.getUsername();
        String address = RateLimitFilter.address(remoteAddress);
        Optional<Duration> wait = lockout.waitFor(name, address);
        if (wait.isEmpty()) {
            try {
                if (me instanceof CustomerUserPrincipal user) {
                    customerUsers.changePassword(user, current, newPassword);
                } else {
                    agents.changePassword(((AgentPrincipal) me).agent().id(), current, newPassword);
                }
                return OptionalLong.empty();
            } catch (DomainException refused) {
                if (!"wrong-password".equals(refused.type())) {
                    throw refused;
                }
                lockout.failed(name, address);
                wait = lockout.waitFor(name, address);
                if (wait.isEmpty()) {
                    throw refused;
                }
            }
        }
        return OptionalLong.of(SignInLockedException.wholeMinutes(wait.get()));
    }
}
