package io.seatwise.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.seatwise.SeatwiseApplication;
import io.seatwise.shared.Ids;
import io.seatwise.support.Postgres;
import io.seatwise.users.UserId;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmark programs share: the application on each database, and users inserted in bulk. */
final class BenchSupport {

    /** A benchmark's work on one running application; answers its report lines. */
    interface Work {
        List<String> run(String db, ConfigurableApplicationContext app) throws Exception;
    }

    private BenchSupport() {
    }

    /**
     * Runs the work once per database of {@code -Dbench.db} (default h2,postgres): H2 in memory without its query
     * cache (it would answer repeated identical queries from it), PostgreSQL in a fresh database dropped afterwards.
     */
    static List<String> onEachDatabase(Work work, String... extraArgs) throws Exception {
        List<String> report = new ArrayList<>();
        for (String name : System.getProperty("bench.db", "h2,postgres").split(",")) {
            String db = name.strip();
            String url = switch (db) {
                case "h2" -> "jdbc:h2:mem:bench-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                        + ";QUERY_CACHE_SIZE=0";
                case "postgres" -> Postgres.unavailableReason() == null ? Postgres.url() : null;
                default -> throw new IllegalArgumentException("bench.db: h2 or postgres, not " + db);
            };
            if (url == null) {
                report.add(db + ": SKIPPED, " + Postgres.unavailableReason());
                continue;
            }
            List<String> args = new ArrayList<>(List.of(
                    // As arguments, so they win over the test profile's own database settings.
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + (db.equals("postgres") ? Postgres.user() : "sa"),
                    "--spring.datasource.password=" + (db.equals("postgres") ? Postgres.password() : ""),
                    "--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN",
                    "--spring.main.banner-mode=off",
                    // The application's own setting, not the test profile's (which never estimates a count).
                    "--seatwise.users.list.slow-count=25ms",
                    // Rate limits out of reach: B6's 16 clients share one token for 60 s, the per-user API path and
                    // the console pages send thousands of requests. The limiter still counts each request, so its
                    // cost stays in the figures.
                    "--seatwise.limits.per-token.requests=1000000000",
                    "--seatwise.limits.per-provisioning-token.requests=1000000000",
                    "--seatwise.limits.per-address.requests=1000000000",
                    "--seatwise.limits.per-person.requests=1000000000"));
            args.addAll(List.of(extraArgs));
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SeatwiseApplication.class)
                    .profiles("test").run(args.toArray(String[]::new))) {
                report.addAll(work.run(db, app));
            }
        }
        return report;
    }

    /** Inserts n users of one customer (user0@domain …) in batches, bypassing the service; answers their ids. */
    static List<UserId> insertUsers(JdbcTemplate jdbc, UUID customer, String domain, int n) {
        return insertUsers(jdbc, customer, domain, n, true);
    }

    /** As above; without keeping the ids (answers an empty list) when a benchmark measures its own heap. */
    static List<UserId> insertUsers(JdbcTemplate jdbc, UUID customer, String domain, int n, boolean keepIds) {
        Timestamp now = Timestamp.from(Instant.now());
        List<UserId> ids = new ArrayList<>(keepIds ? n : 0);
        List<Object[]> rows = new ArrayList<>(10_000);
        for (int i = 0; i < n; i++) {
            UUID id = Ids.next();
            if (keepIds) {
                ids.add(new UserId(id));
            }
            String upn = "user" + i + "@" + domain;
            // Display names in an order unrelated to insertion, as real names are.
            rows.add(new Object[] {customer, id, upn, upn, "First" + i, "Last" + i,
                    "User " + Integer.toString((int) ((long) i * 7919 % n), 36), "SE", "NONE", now, now});
            if (rows.size() == 10_000 || i == n - 1) {
                jdbc.batchUpdate("INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, "
                        + "first_name, last_name, display_name, usage_location, directory_role, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                rows.clear();
            }
        }
        return ids;
    }
}
