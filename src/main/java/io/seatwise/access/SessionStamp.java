package io.seatwise.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * When a console session signed in, kept in the session itself: SessionRefresh signs out a session that signed in
 * before its account's "sessions valid after" moment. Microseconds, as the database keeps that moment.
 */
final class SessionStamp {

    static final String ATTRIBUTE = SessionStamp.class.getName() + ".signedInAt";

    private SessionStamp() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Marks the request's session as signed in at {@code at}. */
    static void stamp(HttpServletRequest request, Instant at) {
        request.getSession().setAttribute(ATTRIBUTE, at);
    }

    /**
     * Whether the session signed in before {@code validAfter}. A session without a stamp (signed in before this
     * release) counts from its creation.
     */
    static boolean startedBefore(HttpSession session, Instant validAfter) {
        if (session == null || validAfter == null) {
            return false;
        }
        Instant signedInAt = session.getAttribute(ATTRIBUTE) instanceof Instant at ? at
                : Instant.ofEpochMilli(session.getCreationTime());
        return signedInAt.isBefore(validAfter);
    }
}
