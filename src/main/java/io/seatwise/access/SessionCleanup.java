package io.seatwise.access;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired console sessions from the database. Spring Session's own cleanup would run on every node every
 * minute ({@code spring.session.jdbc.cleanup-cron}, turned off with {@code -}); this runs it on one node at a time
 * (ShedLock), every {@code seatwise.sessions.cleanup-cron} (ten minutes by default). Expired sessions are never
 * served meanwhile: Spring Session checks the expiry when it reads one, so the cleanup only reclaims space.
 */
@Component
class SessionCleanup {

    private final JdbcIndexedSessionRepository sessions;

    SessionCleanup(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** Deletes the sessions that have expired; does nothing while another instance is at it. */
    @Scheduled(cron = "${seatwise.sessions.cleanup-cron:0 */10 * * * *}")
    @SchedulerLock(name = "delete-expired-sessions", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void deleteExpired() {
        sessions.cleanUpExpiredSessions();
    }
}
