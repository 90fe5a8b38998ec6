package io.seatwise.shared;

/**
 * When a table's planner statistics are out of date: once the rows inserted, updated or deleted since it was last
 * analyzed reach {@code leastChanges} plus {@code shareOfRows} of its rows, or {@code mostChanges}, whichever is
 * fewer. PostgreSQL's autovacuum waits for 50 plus a tenth, without a ceiling.
 */
public record StaleStatistics(long leastChanges, double shareOfRows, long mostChanges) {

    public StaleStatistics {
        if (leastChanges < 1 || mostChanges < leastChanges || shareOfRows < 0) {
            throw new IllegalArgumentException("stale statistics: need 1 <= least <= most and a share >= 0, not "
                    + leastChanges + ", " + mostChanges + ", " + shareOfRows);
        }
    }
}
