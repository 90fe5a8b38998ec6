package io.seatwise.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.access.SystemActor;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.users.RestoreResult;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import io.seatwise.users.UserLicenses;
import io.seatwise.users.UsersService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * targets.md B5 on H2 and PostgreSQL: restore N deleted users (default 10,000) that had two licenses each, through
 * the service (per-user checks, seats, stored results), beside a floor measured in the same run — the same rows
 * brought back by two raw set-based UPDATEs with no checks — and the one-user-per-request path, sampled.
 * Run: {@code ./mvnw -Pbenchmark -DskipTests test -Dbench.main=io.seatwise.bench.UsersRestoreBenchmark}
 * (options: -Dbench.users=10000 -Dbench.db=h2,postgres).
 */
public final class UsersRestoreBenchmark {

    private static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static final SkuId POWER_BI_PRO = SkuId.of("f8a1db68-be16-40ed-86d5-cb42ce701560");

    private UsersRestoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("bench.users", 10_000);
        List<String> report = BenchSupport.onEachDatabase((db, app) -> run(db, app, users));
        System.out.println();
        System.out.println("=== Restore benchmark (targets.md B5), " + users + " users ===");
        report.forEach(System.out::println);
    }

    private static List<String> run(String db, ConfigurableApplicationContext app, int n) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        UsersService users = app.getBean(UsersService.class);
        UserLicenses lifecycle = app.getBean(UserLicenses.class);
        LicensingService licensing = app.getBean(LicensingService.class);
        CustomersService customers = app.getBean(CustomersService.class);
        String domain = "restore" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Customer customer = SystemActor.call(() -> customers.create(new NewCustomer("Restore", "SE",
                List.of(domain))));
        SystemActor.run(() -> customers.addSubscription(customer.id(), E3, n));
        SystemActor.run(() -> customers.addSubscription(customer.id(), POWER_BI_PRO, n));
        List<UserId> ids = BenchSupport.insertUsers(jdbc, customer.id().value(), domain, n);
        SystemActor.call(() -> licensing.apply(customer.id(), new Selection.Matching(
                new UserFilter(UserFilter.Type.ALL, null, null)),
                new LicenseChangeSpec(Map.of(E3, Set.of(), POWER_BI_PRO, Set.of()), Set.of())));
        List<String> lines = new ArrayList<>();

        double[] floor = new double[3];
        double[] service = new double[3];
        for (int run = 0; run < 3; run++) {
            // Floor: delete as the service does (suspend, mark deleted), then bring the rows back by raw SQL.
            deleteAll(jdbc, lifecycle, customer, ids);
            long t = System.nanoTime();
            jdbc.update("UPDATE app_user SET deleted_at = NULL, user_name_key = lower(user_principal_name) "
                    + "WHERE customer_id = ?", customer.id().value());
            jdbc.update("UPDATE license_assignment SET state = 'ACTIVE' WHERE customer_id = ?",
                    customer.id().value());
            jdbc.update("UPDATE subscription SET assigned = quantity WHERE customer_id = ?", customer.id().value());
            floor[run] = (System.nanoTime() - t) / 1e9;

            deleteAll(jdbc, lifecycle, customer, ids);
            t = System.nanoTime();
            List<RestoreResult> results = SystemActor.call(() -> users.restore(customer.id(), ids));
            service[run] = (System.nanoTime() - t) / 1e9;
            long restoredLicenses = results.stream().mapToLong(r -> r.restoredLicenses().size()).sum();
            long restored = results.stream().filter(RestoreResult::restored).count();
            if (restored != n || restoredLicenses != 2L * n) {
                throw new IllegalStateException("restored " + restored + " users and " + restoredLicenses
                        + " licenses, expected " + n + " and " + 2 * n);
            }
        }
        Integer assigned = jdbc.queryForObject("SELECT sum(assigned) FROM subscription WHERE customer_id = ?",
                Integer.class, customer.id().value());
        Integer active = jdbc.queryForObject("SELECT count(*) FROM license_assignment WHERE customer_id = ? "
                + "AND state = 'ACTIVE'", Integer.class, customer.id().value());

        // One user per request: a sample, projected.
        int sample = Math.min(200, n);
        deleteAll(jdbc, lifecycle, customer, ids);
        long t = System.nanoTime();
        for (UserId id : ids.subList(0, sample)) {
            SystemActor.call(() -> users.restore(customer.id(), List.of(id)));
        }
        double perUser = (System.nanoTime() - t) / 1e9 / sample;

        double f = median(floor);
        double s = median(service);
        lines.add(String.format("%s B5 floor  raw UPDATEs bringing back %d users and %d licenses: %.2f s "
                + "(runs %s)", db, n, 2 * n, f, Arrays.toString(round(floor))));
        lines.add(String.format("%s B5 restore %d users with 2 licenses each through the service: %.2f s = %.1f× floor "
                + "(runs %s); afterwards assigned=%d, active assignments=%d", db, n, s, s / f,
                Arrays.toString(round(service)), assigned, active));
        lines.add(String.format("%s B5 one user per request: %.1f ms/user over %d, projected %.1f s for %d = %.0f× "
                + "slower than one request", db, perUser * 1000, sample, perUser * n, n, perUser * n / s));
        lines.forEach(System.out::println);
        return lines;
    }

    /** Deletes every user of the customer the way the service does, in bulk: suspend licenses, mark deleted. */
    private static void deleteAll(JdbcTemplate jdbc, UserLicenses lifecycle, Customer customer, List<UserId> ids) {
        SystemActor.run(() -> lifecycle.suspend(customer.id(), ids));
        jdbc.update("UPDATE app_user SET deleted_at = CURRENT_TIMESTAMP, user_name_key = NULL "
                + "WHERE customer_id = ? AND deleted_at IS NULL", customer.id().value());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String[] round(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format("%.2f", v)).toArray(String[]::new);
    }
}
