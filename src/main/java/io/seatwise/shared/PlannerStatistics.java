package io.seatwise.shared;

import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the database's planner statistics fresh while tenants grow ({@link SqlDialect#refreshStaleStatistics}): every
 * {@code seatwise.statistics.check} (10 s), the tables changed by at least {@code seatwise.statistics.least-changes}
 * (500) plus {@code seatwise.statistics.share} (5%) of their rows, or by {@code seatwise.statistics.most-changes}
 * (10,000), are analyzed, on one instance at a time (ShedLock). Without it, a customer provisioned user by user
 * into a table PostgreSQL still takes for small, or whose autovacuum is off, gets lookups that read all its rows,
 * each request slower than the one before: a licensed SCIM POST went from 12 ms to 47 ms as its customer grew from
 * 400 to 13,000 users.
 */
@Component
public class PlannerStatistics {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlannerStatistics.class);

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final StaleStatistics stale;

    PlannerStatistics(JdbcClient jdbc, SqlDialect dialect,
            @Value("${seatwise.statistics.least-changes:500}") long leastChanges,
            @Value("${seatwise.statistics.share:0.05}") double share,
            @Value("${seatwise.statistics.most-changes:10000}") long mostChanges) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.stale = new StaleStatistics(leastChanges, share, mostChanges);
    }

    /**
     * Analyzes the tables whose statistics are stale; answers their names, or null when another instance holds
     * the lock (ShedLock answers null for a method it skips).
     */
    @Scheduled(fixedDelayString = "${seatwise.statistics.check:10s}",
            initialDelayString = "${seatwise.statistics.check:10s}")
    @SchedulerLock(name = "planner-statistics", lockAtMostFor = "PT10M")
    public List<String> refresh() {
        List<String> analyzed = dialect.refreshStaleStatistics(jdbc, stale);
        if (!analyzed.isEmpty()) {
            log.debug("planner statistics refreshed: {}", analyzed);
        }
        return analyzed;
    }
}
