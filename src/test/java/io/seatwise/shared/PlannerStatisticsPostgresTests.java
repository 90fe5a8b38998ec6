package io.seatwise.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.seatwise.support.Polling;
import io.seatwise.support.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PlannerStatistics} on PostgreSQL (whose autovacuum is off on this project's CI server): a table changed by
 * more than the threshold (500 rows plus 5%) is analyzed, one changed by less is not. What it is for, the speed of
 * a growing tenant's lookups, is shown by B10 ({@code ScimProvisioningBenchmark}).
 */
@PostgresTest
class PlannerStatisticsPostgresTests {

    @Autowired
    PlannerStatistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void dropProbes() {
        jdbc.execute("DROP TABLE IF EXISTS stats_probe_big, stats_probe_small");
    }

    @Test
    void aTableChangedBeyondTheThresholdIsAnalyzedAndOneBelowItIsNot() {
        for (String table : List.of("stats_probe_big", "stats_probe_small")) {
            jdbc.execute("CREATE TABLE " + table + " (customer_id uuid NOT NULL, id uuid NOT NULL, "
                    + "PRIMARY KEY (customer_id, id))");
        }
        jdbc.update("INSERT INTO stats_probe_big SELECT gen_random_uuid(), gen_random_uuid() "
                + "FROM generate_series(1, 5000)");
        jdbc.update("INSERT INTO stats_probe_small SELECT gen_random_uuid(), gen_random_uuid() "
                + "FROM generate_series(1, 100)");
        // The server counts changes a moment after the commit.
        Polling.atMost(Duration.ofSeconds(30)).until(() -> changesSinceAnalyze("stats_probe_big") == 5000
                && changesSinceAnalyze("stats_probe_small") == 100);

        // The scheduled refresh may run first (ShedLock then skips this call): either way the big table is analyzed.
        Polling.atMost(Duration.ofSeconds(60)).until(() -> {
            statistics.refresh();
            return analyzeCount("stats_probe_big") > 0;
        });

        assertThat(changesSinceAnalyze("stats_probe_big")).isZero();
        assertThat(analyzeCount("stats_probe_small")).isZero();
        assertThat(changesSinceAnalyze("stats_probe_small")).isEqualTo(100);
    }

    private long changesSinceAnalyze(String table) {
        return stat(table).get("n_mod_since_analyze") instanceof Number n ? n.longValue() : -1;
    }

    private long analyzeCount(String table) {
        return ((Number) stat(table).get("analyze_count")).longValue();
    }

    private Map<String, Object> stat(String table) {
        return jdbc.queryForMap("SELECT n_mod_since_analyze, analyze_count FROM pg_stat_user_tables "
                + "WHERE schemaname = current_schema() AND relname = ?", table);
    }
}
