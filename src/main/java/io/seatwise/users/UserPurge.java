package io.seatwise.users;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserEvents.UsersPurged;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes users deleted longer ago than the retention period, for good. Runs on a schedule
 * ({@code seatwise.purge.cron}, hourly by default) on one application instance at a time: ShedLock holds a row of
 * table {@code shedlock} while it runs, so several instances on one database purge once. The lock is kept for at least
 * {@code seatwise.purge.lock-at-least} (a minute) after a run, so that an instance whose scheduler fires a moment
 * later, or whose clock is a little behind, finds it taken rather than running a second, empty purge. Works in
 * batches, each in its own transaction, with one activity line per customer and batch.
 */
@Component
public class UserPurge {

    static final int BATCH = 10_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserPurge.class);

    private final UserRepository repository;
    private final UserLicenses licenses;
    private final UsersService users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    UserPurge(UserRepository repository, UserLicenses licenses, UsersService users, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.licenses = licenses;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Purges every user past retention; answers how many, or null when it did not run because another instance
     * holds the lock (ShedLock answers null for a method it skips).
     */
    @Scheduled(cron = "${seatwise.purge.cron:0 17 * * * *}")
    @SchedulerLock(name = "purge-deleted-users", lockAtMostFor = "PT1H",
            lockAtLeastFor = "${seatwise.purge.lock-at-least:PT1M}")
    public Integer purgeExpired() {
        Instant cutoff = Instant.now().minus(users.retention());
        int total = 0;
        while (true) {
            Integer purged = transactions.execute(tx -> {
                Map<CustomerId, List<UserId>> batch = repository.purgeable(cutoff, BATCH);
                int n = 0;
                for (Map.Entry<CustomerId, List<UserId>> e : batch.entrySet()) {
                    licenses.purge(e.getKey(), e.getValue());
                    int removed = repository.purge(e.getKey(), e.getValue(), cutoff);
                    events.publishEvent(new UsersPurged(e.getKey(), removed));
                    n += removed;
                }
                return n;
            });
            total += purged == null ? 0 : purged;
            if (purged == null || purged < BATCH) {
                if (total > 0) {
                    log.info("purge of users deleted before {}: {} removed", cutoff, total);
                }
                return total;
            }
        }
    }
}
