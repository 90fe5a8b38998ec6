package io.seatwise.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.seatwise.SeatwiseApplication;
import io.seatwise.access.SystemActor;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.support.Postgres;
import io.seatwise.users.User;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * targets.md B3: a filtered, sorted page of 50 users in a tenant of N users (default 1,000,000): First, Next, Last
 * and a text search, p50/p95 of the service call over repeated requests, beside the count query alone (the part of
 * every page that grows with the tenant). Run: {@code ./mvnw -Pbenchmark -DskipTests test
 * -Dbench.main=io.seatwise.bench.UsersListBenchmark} (options: -Dbench.tenantUsers, -Dbench.db=h2,postgres).
 */
public final class UsersListBenchmark {

    private UsersListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.tenantUsers", 1_000_000);
        List<String> report = new ArrayList<>();
        for (String db : System.getProperty("bench.db", "h2,postgres").split(",")) {
            String url = switch (db.strip()) {
                case "h2" -> "jdbc:h2:mem:bench-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                        + ";QUERY_CACHE_SIZE=0"; // H2 would answer repeated identical queries from its cache
                case "postgres" -> Postgres.unavailableReason() == null ? Postgres.url() : null;
                default -> throw new IllegalArgumentException("bench.db: h2 or postgres, not " + db);
            };
            if (url == null) {
                report.add(db + ": SKIPPED, " + Postgres.unavailableReason());
                continue;
            }
            report.addAll(run(db.strip(), url, n));
        }
        System.out.println();
        System.out.println("=== Users list benchmark (targets.md B3), tenant of " + n + " users, pages of 50 ===");
        report.forEach(System.out::println);
    }

    private static List<String> run(String db, String url, int n) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SeatwiseApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + (db.equals("postgres") ? Postgres.user() : "sa"),
                        "--spring.datasource.password=" + (db.equals("postgres") ? Postgres.password() : ""),
                        "--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            UsersService users = app.getBean(UsersService.class);
            String domain = "list" + UUID.randomUUID().toString().substring(0, 8) + ".example";
            Customer customer = SystemActor.call(() -> app.getBean(CustomersService.class)
                    .create(new NewCustomer("Big tenant", "SE", List.of(domain))));
            long t = System.nanoTime();
            insertUsers(jdbc, customer.id().value(), domain, n);
            if (db.equals("postgres")) {
                jdbc.execute("ANALYZE app_user");
            }
            double load = (System.nanoTime() - t) / 1e9;
            UserFilter all = UserFilter.ALL_USERS;
            int last = (n - 1) / 50;
            List<String> lines = new ArrayList<>();
            lines.add(String.format("%s: %d users inserted in %.1f s", db, n, load));
            lines.add(String.format("%s B3 count(*) alone (baseline): %s", db, stats(() -> {
                jdbc.queryForObject("SELECT count(*) FROM app_user u WHERE u.customer_id = ? AND u.deleted_at IS NULL",
                        Long.class, customer.id().value());
                return null;
            })));
            lines.add(String.format("%s B3 First  (page 0, by display name): %s", db, stats(() -> page(users,
                    customer, all, 0))));
            lines.add(String.format("%s B3 Next   (page 1): %s", db, stats(() -> page(users, customer, all, 1))));
            lines.add(String.format("%s B3 Last   (page %d): %s", db, last, stats(() -> page(users, customer, all,
                    last))));
            lines.add(String.format("%s B3 Middle (page %d): %s", db, last / 2, stats(() -> page(users, customer, all,
                    last / 2))));
            lines.add(String.format("%s B3 search 'user77777' (first page): %s", db, stats(() -> page(users, customer,
                    new UserFilter(UserFilter.Type.ALL, null, "user77777"), 0))));
            return lines;
        }
    }

    private static PageResult<User> page(UsersService users, Customer customer, UserFilter filter, int page) {
        return SystemActor.call(() -> users.list(customer.id(), filter, UserSort.DEFAULT, new PageRequest(page, 50)));
    }

    /** p50 and p95 over 20 timed calls after 3 warm-ups. */
    private static String stats(Supplier<?> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("p50 %.1f ms, p95 %.1f ms", ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]);
    }

    private static void insertUsers(JdbcTemplate jdbc, UUID customer, String domain, int n) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(10_000);
        for (int i = 0; i < n; i++) {
            String upn = "user" + i + "@" + domain;
            rows.add(new Object[] {customer, Ids.next(), upn, upn, "First" + i, "Last" + i,
                    "User " + Integer.toString(i * 7919 % n, 36), "SE", "NONE", now, now});
            if (rows.size() == 10_000 || i == n - 1) {
                jdbc.batchUpdate("INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, "
                        + "first_name, last_name, display_name, usage_location, directory_role, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                rows.clear();
            }
        }
    }
}
