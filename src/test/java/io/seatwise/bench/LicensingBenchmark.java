package io.seatwise.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.seatwise.access.Role;
import io.seatwise.access.SystemActor;
import io.seatwise.access.TestAgents;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.LicenseSummary;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.users.UserFilter;
import io.seatwise.users.UserId;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * targets.md B1 and B4 on H2 and PostgreSQL, each figure beside a baseline measured in the same run:
 * give one product to N users through the engine vs. the raw {@code INSERT … SELECT} floor and the per-user API
 * path (one HTTP request per user, sampled and projected), and the Manage-licenses summary for N selected users.
 * Run: {@code ./mvnw -Pbenchmark -DskipTests test} (options: -Dbench.users=100000 -Dbench.db=h2,postgres;
 * -Dbench.m1=true runs {@link LicensingMemoryBenchmark} instead).
 */
public final class LicensingBenchmark {

    private static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static final SkuId FLOOR_SKU = SkuId.of("f8a1db68-be16-40ed-86d5-cb42ce701560"); // Power BI Pro

    private LicensingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (Boolean.getBoolean("bench.m1")) {
            LicensingMemoryBenchmark.main(args);
            return;
        }
        int users = Integer.getInteger("bench.users", 100_000);
        int apiSample = Integer.getInteger("bench.apiSample", 300);
        List<String> report = BenchSupport.onEachDatabase((db, app) -> run(db, app, users, apiSample),
                "--logging.level.io.seatwise.licensing=" + System.getProperty("bench.log", "WARN"));
        System.out.println();
        System.out.println("=== Licensing benchmark (targets.md B1, B4), " + users + " users ===");
        report.forEach(System.out::println);
    }

    private static List<String> run(String db, ConfigurableApplicationContext app, int n, int apiSample)
            throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        LicensingService licensing = app.getBean(LicensingService.class);
        CustomersService customers = app.getBean(CustomersService.class);
        String domain = "bench" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Customer customer = SystemActor.call(() -> customers.create(new NewCustomer("Bench", "SE",
                List.of(domain))));
        SystemActor.run(() -> customers.addSubscription(customer.id(), E3, n + 1000));
        SystemActor.run(() -> customers.addSubscription(customer.id(), FLOOR_SKU, n + 1000));
        List<UserId> ids = BenchSupport.insertUsers(jdbc, customer.id().value(), domain, n);
        List<String> lines = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println(line);
                return super.add(line);
            }
        };

        // Floor: the same rows by one raw INSERT … SELECT (then removed again).
        double floor = median(3, () -> {
            long t = System.nanoTime();
            jdbc.update("INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at) "
                    + "SELECT customer_id, id, ?, 'ACTIVE', CURRENT_TIMESTAMP FROM app_user WHERE customer_id = ?",
                    FLOOR_SKU.value(), customer.id().value());
            double s = seconds(t);
            jdbc.update("DELETE FROM license_assignment WHERE customer_id = ? AND sku_id = ?",
                    customer.id().value(), FLOOR_SKU.value());
            return s;
        });
        LicenseChangeSpec give = new LicenseChangeSpec(Map.of(E3, Set.of()), Set.of());
        LicenseChangeSpec take = new LicenseChangeSpec(Map.of(), Set.of(E3));
        Selection all = new Selection.Matching(new UserFilter(UserFilter.Type.ALL, null, null));
        // In an order unrelated to the ids, as a client's list would be (sorted by name, say).
        List<UserId> shuffled = new ArrayList<>(ids);
        java.util.Collections.shuffle(shuffled, new java.util.Random(42));
        Selection explicit = new Selection.UserIds(shuffled);
        // Warm-up, untimed: the first runs in a JVM pay for class loading and JIT compilation of the engine.
        for (Selection warm : List.of(all, explicit)) {
            SystemActor.call(() -> licensing.apply(customer.id(), warm, give));
            SystemActor.call(() -> licensing.apply(customer.id(), all, take));
        }
        double byFilter = median(5, () -> {
            double s = time(() -> SystemActor.call(() -> licensing.apply(customer.id(), all, give)), n);
            SystemActor.call(() -> licensing.apply(customer.id(), all, take));
            return s;
        });
        double byIds = median(5, () -> {
            double s = time(() -> SystemActor.call(() -> licensing.apply(customer.id(), explicit, give)), n);
            SystemActor.call(() -> licensing.apply(customer.id(), all, take));
            return s;
        });
        double perUser = apiPerUser(app, customer.id().value(), ids.subList(0, Math.min(apiSample, n)));
        double apiProjected = perUser * n;
        lines.add(String.format("%s B1 floor  raw INSERT…SELECT of %d rows: %.2f s", db, n, floor));
        lines.add(String.format("%s B1 engine filter 'all users' (apply, stored results): %.2f s = %.2f× floor",
                db, byFilter, byFilter / floor));
        lines.add(String.format("%s B1 engine %d explicit user ids: %.2f s = %.2f× floor", db, n, byIds,
                byIds / floor));
        lines.add(String.format("%s B1 per-user API path: %.1f ms/request over %d requests, projected %.0f s "
                + "for %d users = %.0f× slower than the engine", db, perUser * 1000, Math.min(apiSample, n),
                apiProjected, n, apiProjected / byFilter));

        SystemActor.call(() -> licensing.apply(customer.id(), all, give));
        double summaryIds = median(5, () -> time(() -> SystemActor.call(() -> licensing.summary(customer.id(),
                explicit)), n));
        double summaryFilter = median(5, () -> time(() -> SystemActor.call(() -> licensing.summary(customer.id(),
                all)), n));
        LicenseSummary check = SystemActor.call(() -> licensing.summary(customer.id(), explicit));
        var e3 = check.products().stream().filter(p -> p.skuId().equals(E3)).findFirst().orElseThrow();
        lines.add(String.format("%s B4 summary for %d selected ids: %.0f ms (E3: %s, %d of %d selected); "
                + "by filter: %.0f ms", db, n, summaryIds * 1000, e3.state(), e3.selectedWithProduct(),
                check.selectedUsers(), summaryFilter * 1000));
        lines.add(seatContention(app, db, jdbc, Integer.getInteger("bench.b6Seconds", 60)));
        return lines;
    }

    /**
     * B6: 16 concurrent API clients assigning and revoking on one small seat pool; afterwards the pool must not be
     * oversubscribed and its counter must equal its active assignments.
     */
    private static String seatContention(ConfigurableApplicationContext app, String db, JdbcTemplate jdbc,
            int seconds) throws Exception {
        CustomersService customers = app.getBean(CustomersService.class);
        String domain = "pool" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Customer customer = SystemActor.call(() -> customers.create(new NewCustomer("Pool", "SE", List.of(domain))));
        SystemActor.run(() -> customers.addSubscription(customer.id(), E3, 10));
        List<UserId> users = BenchSupport.insertUsers(jdbc, customer.id().value(), domain, 50);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String token = app.getBean(TestAgents.class).create(Role.SALES).token();
        String url = "http://127.0.0.1:" + port + "/api/v1/customers/" + customer.id() + "/licenseupdates";
        java.util.concurrent.atomic.AtomicLong applied = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        HttpClient http = HttpClient.newBuilder().executor(pool).build();
        List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            clients.add(java.util.concurrent.ForkJoinPool.commonPool().submit(() -> {
                var random = java.util.concurrent.ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    StringBuilder ids = new StringBuilder();
                    for (int k = random.nextInt(1, 4); k > 0; k--) {
                        ids.append(ids.isEmpty() ? "" : ",").append('"')
                                .append(users.get(random.nextInt(users.size()))).append('"');
                    }
                    String body = "{\"userIds\":[" + ids + "]," + (random.nextBoolean()
                            ? "\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}"
                            : "\"licensesToRemove\":[\"" + E3 + "\"]}");
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? applied : status == 409 ? refused : errors).incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (var client : clients) {
            client.get();
        }
        pool.shutdown();
        int assigned = jdbc.queryForObject("SELECT assigned FROM subscription WHERE customer_id = ? AND sku_id = ?",
                Integer.class, customer.id().value(), E3.value());
        int active = jdbc.queryForObject("SELECT count(*) FROM license_assignment WHERE customer_id = ? "
                + "AND sku_id = ? AND state = 'ACTIVE'", Integer.class, customer.id().value(), E3.value());
        return String.format("%s B6 16 clients × %d s on a 10-seat pool: %d changes applied (%.0f/s), %d refused "
                + "(too few seats), %d errors; afterwards assigned=%d, active assignments=%d, oversubscribed=%s",
                db, seconds, applied.get(), applied.get() / (double) seconds, refused.get(), errors.get(), assigned,
                active, assigned > 10 || active > 10 ? "YES" : "no");
    }

    /** Seconds per user of the per-user API path: POST …/users/{id}/licenseupdates, one request per user. */
    private static double apiPerUser(ConfigurableApplicationContext app, UUID customer, List<UserId> sample)
            throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String token = app.getBean(TestAgents.class).create(Role.SALES).token();
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"licensesToAssign\":[{\"skuId\":\"" + FLOOR_SKU + "\",\"excludedPlans\":[]}]}";
        long t = System.nanoTime();
        for (UserId user : sample) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/customers/" + customer + "/users/" + user + "/licenseupdates"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"succeeded\":1")) {
                throw new IllegalStateException("API answered " + response.statusCode() + ": " + response.body());
            }
        }
        return seconds(t) / sample.size();
    }

    private static double time(Supplier<LicenseChangeResult> work, int expected) {
        long t = System.nanoTime();
        LicenseChangeResult result = work.get();
        double s = seconds(t);
        if (result.selected() != expected) {
            throw new IllegalStateException("expected " + expected + " users, the change had " + result.selected());
        }
        return s;
    }

    private static double time(Runnable work, int ignored) {
        long t = System.nanoTime();
        work.run();
        return seconds(t);
    }

    private static double median(int runs, Supplier<Double> measure) {
        double[] values = new double[runs];
        for (int i = 0; i < runs; i++) {
            values[i] = measure.get();
        }
        Arrays.sort(values);
        return values[runs / 2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
