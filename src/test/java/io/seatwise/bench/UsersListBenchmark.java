package io.seatwise.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.seatwise.access.SystemActor;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.User;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
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
        List<String> report = BenchSupport.onEachDatabase((db, app) -> run(db, app, n));
        System.out.println();
        System.out.println("=== Users list benchmark (targets.md B3), tenant of " + n + " users, pages of 50 ===");
        report.forEach(System.out::println);
    }

    private static List<String> run(String db, ConfigurableApplicationContext app, int n) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        UsersService users = app.getBean(UsersService.class);
        String domain = "list" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Customer customer = SystemActor.call(() -> app.getBean(CustomersService.class)
                .create(new NewCustomer("Big tenant", "SE", List.of(domain))));
        long t = System.nanoTime();
        BenchSupport.insertUsers(jdbc, customer.id().value(), domain, n);
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
}
