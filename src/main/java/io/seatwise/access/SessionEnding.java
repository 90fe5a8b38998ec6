package io.seatwise.access;

import java.time.Instant;
import java.util.Optional;

import io.seatwise.access.AccessEvents.AgentChanged;
import io.seatwise.access.AccessEvents.SecondFactorChanged;
import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserAccounts;
import io.seatwise.users.UserEvents.PasswordReset;
import io.seatwise.users.UserEvents.UserDeleted;
import io.seatwise.users.UserEvents.UserUpdated;
import io.seatwise.users.UserId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends people's console sessions (on every node: each account keeps the moment before which its sessions are
 * signed out, see SessionRefresh) and, where someone else took the account away from them, their API tokens.
 * The listeners run in the transaction of the change that calls for it.
 */
@Service
@Transactional
public class SessionEnding {

    private final SessionEndRepository agents;
    private final AgentRepository tokens;
    private final UserAccounts users;

    SessionEnding(SessionEndRepository agents, AgentRepository tokens, UserAccounts users) {
        this.agents = agents;
        this.tokens = tokens;
        this.users = users;
    }

    /** The moment before which this person's sessions are signed out, if any. */
    @Transactional(readOnly = true)
    Optional<Instant> validAfter(UserDetails person) {
        if (person instanceof AgentPrincipal agent) {
            return agents.agentSessionsValidAfter(agent.agent().id());
        }
        if (person instanceof CustomerUserPrincipal user) {
            return users.sessionsValidAfter(user.customerId(), user.userId());
        }
        return Optional.empty();
    }

    /** After one changes one's own password: one's other sessions end, the one of this request stays. */
    public void endOtherSessions(UserDetails me, HttpServletRequest request) {
        Instant now = SessionStamp.now();
        endSessions(me, now);
        SessionStamp.stamp(request, now);
    }

    /** "Sign out everywhere": all one's sessions (the caller ends the current one) and one's API tokens. */
    public void endEverything(UserDetails me) {
        Instant now = SessionStamp.now();
        endSessions(me, now);
        if (me instanceof AgentPrincipal agent) {
            agents.revokeAgentTokens(agent.agent().id(), now);
        } else if (me instanceof CustomerUserPrincipal user) {
            tokens.revokeUserTokens(user.customerId(), user.userId(), now);
        }
    }

    private void endSessions(UserDetails me, Instant now) {
        if (me instanceof AgentPrincipal agent) {
            agents.setAgentSessionsValidAfter(agent.agent().id(), now);
        } else if (me instanceof CustomerUserPrincipal user) {
            users.endSessionsBefore(user.customerId(), user.userId(), now);
        }
    }

    private void endAgent(AgentId id) {
        Instant now = SessionStamp.now();
        agents.setAgentSessionsValidAfter(id, now);
        agents.revokeAgentTokens(id, now);
    }

    private void endUser(CustomerId customer, UserId user) {
        Instant now = SessionStamp.now();
        users.endSessionsBefore(customer, user, now);
        tokens.revokeUserTokens(customer, user, now);
    }

    /** An Admin agent disabled an agent. */
    @EventListener
    void on(AgentChanged e) {
        if (!e.enabled()) {
            endAgent(e.agentId());
        }
    }

    /** An Admin agent reset an agent's second factor (whoever held the old one may be signed in). */
    @EventListener
    void on(SecondFactorChanged e) {
        if (!e.enrolled() && e.agentId() != null) {
            endAgent(e.agentId());
        }
    }

    /** A customer administrator gave a user a new temporary password. */
    @EventListener
    void on(PasswordReset e) {
        endUser(e.customerId(), e.userId());
    }

    /** A customer administrator blocked a user's sign-in. */
    @EventListener
    void on(UserUpdated e) {
        boolean blocked = e.changes().stream()
                .anyMatch(c -> c.field().equals("signInBlocked") && Boolean.TRUE.equals(c.after()));
        if (blocked) {
            endUser(e.customerId(), e.userId());
        }
    }

    /** A customer administrator deleted a user (restoring it brings back neither sessions nor tokens). */
    @EventListener
    void on(UserDeleted e) {
        endUser(e.customerId(), e.userId());
    }
}
