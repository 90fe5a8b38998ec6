package io.seatwise.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;

import javax.sql.DataSource;

import io.seatwise.access.SystemActor;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.UserId;
import io.seatwise.users.UserListChanges;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * targets.md B9 (issue 11, point 3), the noisy neighbour: customer B's users page (First, a search) and a
 * single-user license change, over real HTTP (the API with B's administrator's token, and the console signed in as
 * that administrator), first on a quiet server, then while customer A — 1,000,000 users — runs two async imports of
 * 100,000 rows (a license each) and an async license change of all its users, sent at the same moment. B is sampled
 * until A's work is over, then quiet again (the machine is shared: the quiet baseline is both sides of the load,
 * pooled); p50/p95 are printed side by side with loaded p95 / quiet p95 against the target of 3×, how long A's work
 * took, and what the probe saw in each phase (CPU, GC, the connection pool, what PostgreSQL's sessions waited on).
 * Beside B9's calls, B also imports 10 users at a time as a job, timed until done: jobs share one queue.
 *
 * <pre>./mvnw -Pbenchmark -DskipTests test -Dbench.main=io.seatwise.bench.NoisyNeighbourBenchmark</pre>
 * Options: -Dbench.db (default postgres; h2 also works), -Dbench.bigUsers (1000000), -Dbench.smallUsers (10000),
 * -Dbench.importRows (100000), -Dbench.imports (2), -Dbench.samples (quiet rounds before and after, 200 each),
 * -Dbench.warmUp (untimed rounds first, 100), -Dbench.pauseMs (pause after each of B's calls, 10),
 * -Dbench.maxLoadedSeconds (900), -Dbench.appArgs (more application arguments, space-separated, e.g. to change the
 * limits).
 */
public final class NoisyNeighbourBenchmark {

    private static final SkuId E3 = TestCustomerUsers.E3;
    private static final SkuId POWER_BI = SkuId.of("f8a1db68-be16-40ed-86d5-cb42ce701560");
    /**
     * The API rate limits (issue 11 point 2) are set out of reach by {@link BenchSupport}: B's sampler sends a
     * request every ~10 ms, far above any budget meant for people, and what is measured here is contention, not B's
     * own budget (the limiter still counts every request). B's 429 answers are counted and printed either way, so a
     * limit that still bites shows. The limit of concurrent imports per customer stays at its default (A sends no
     * more imports than it).
     */
    private static final List<String> LIMITS = List.of();

    private NoisyNeighbourBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("bench.db") == null) {
            System.setProperty("bench.db", "postgres");
        }
        List<String> appArgs = new ArrayList<>(LIMITS);
        appArgs.add("--logging.level.io.seatwise=" + System.getProperty("bench.log", "WARN"));
        String more = System.getProperty("bench.appArgs", "").strip();
        if (!more.isEmpty()) {
            appArgs.addAll(List.of(more.split("\\s+")));
        }
        List<String> report = BenchSupport.onEachDatabase(NoisyNeighbourBenchmark::run,
                appArgs.toArray(String[]::new));
        System.out.println();
        System.out.println("=== Noisy neighbour benchmark (targets.md B9: B's p95 under A's load ≤ 3× quiet p95) ===");
        System.out.println("application arguments beside the benchmark defaults: " + String.join(" ", appArgs));
        report.forEach(System.out::println);
    }

    private static List<String> run(String db, ConfigurableApplicationContext app) throws Exception {
        int bigUsers = Integer.getInteger("bench.bigUsers", 1_000_000);
        int smallUsers = Integer.getInteger("bench.smallUsers", 10_000);
        int importRows = Integer.getInteger("bench.importRows", 100_000);
        int imports = Integer.getInteger("bench.imports", 2);
        int samples = Integer.getInteger("bench.samples", 200);
        long pause = Long.getLong("bench.pauseMs", 10);
        List<String> lines = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println(line);
                return super.add(line);
            }
        };
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        TestCustomerUsers people = app.getBean(TestCustomerUsers.class);
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();

        long t = System.nanoTime();
        TestCustomerUsers.Tenant a = tenant(app, "Customer A (big)", Math.max(1, imports * importRows) + 1000,
                bigUsers + imports * importRows + 1000);
        BenchSupport.insertUsers(jdbc, a.id().value(), a.domain(), bigUsers, false);
        TestCustomerUsers.Member adminA = people.create(a, DirectoryRole.GLOBAL_ADMIN);
        TestCustomerUsers.Tenant b = tenant(app, "Customer B (neighbour)", smallUsers, smallUsers);
        List<UserId> usersB = BenchSupport.insertUsers(jdbc, b.id().value(), b.domain(), smallUsers);
        licenseB(jdbc, b.id());
        TestCustomerUsers.Member adminB = people.create(b, DirectoryRole.GLOBAL_ADMIN);
        TransactionTemplate tx = app.getBean(TransactionTemplate.class);
        UserListChanges changes = app.getBean(UserListChanges.class);
        tx.executeWithoutResult(s -> {
            changes.recount(a.id());
            changes.recount(b.id());
        });
        if (db.equals("postgres")) {
            for (String table : List.of("app_user", "license_assignment", "subscription")) {
                jdbc.execute("VACUUM ANALYZE " + table);
            }
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < imports; i++) {
            files.add(NeighbourLoad.importFile(a.domain(), "imp" + (i + 1) + "-", importRows, "SPE_E3"));
        }
        lines.add(String.format("%s: customer A %d users (+ %d × %d-row imports to come), customer B %d users "
                + "(E3 60%%, Power BI 10%%) set up in %.0f s", db, bigUsers, imports, importRows, smallUsers,
                (System.nanoTime() - t) / 1e9));

        // B's license changes give Power BI to users without it (user i with i % 10 != 9) and take it back.
        List<UserId> changeable = new ArrayList<>();
        for (int k = 0; k < usersB.size() && changeable.size() < 1000; k++) {
            int i = (int) ((long) k * 7919 % usersB.size());
            if (i % 10 != 9) {
                changeable.add(usersB.get(i));
            }
        }
        NeighbourCalls calls = new NeighbourCalls(base, b.id(), b.domain(), adminB.token(), changeable, POWER_BI,
                pause);
        calls.signIn(adminB.userName(), TestCustomerUsers.PASSWORD);
        // Untimed: class loading and JIT compilation of every path B takes are not the quiet phase's to pay.
        NeighbourCalls.Phase warmUp = new NeighbourCalls.Phase();
        for (int r = 0; r < Integer.getInteger("bench.warmUp", 100); r++) {
            calls.round(warmUp, r);
        }
        calls.importJob(warmUp);
        System.gc();

        NeighbourCalls.Phase quietBefore = new NeighbourCalls.Phase();
        LoadProbe quietProbe = new LoadProbe(db, app.getBean(DataSource.class), app.getEnvironment());
        long quietStart = System.nanoTime();
        sample(calls, quietBefore, 0, r -> r >= samples);
        double quietSeconds = (System.nanoTime() - quietStart) / 1e9;
        quietProbe.close();

        NeighbourCalls.Phase loaded = new NeighbourCalls.Phase();
        LoadProbe loadedProbe = new LoadProbe(db, app.getBean(DataSource.class), app.getEnvironment());
        Instant t0 = Instant.now();
        long loadStart = System.nanoTime();
        CompletableFuture<List<NeighbourLoad.Outcome>> work = new NeighbourLoad(base, a.id(), adminA.token())
                .start(POWER_BI, files);
        long deadline = loadStart + TimeUnit.SECONDS.toNanos(Long.getLong("bench.maxLoadedSeconds", 900));
        int rounds = sample(calls, loaded, samples, r -> work.isDone() || System.nanoTime() > deadline);
        double loadedSeconds = (System.nanoTime() - loadStart) / 1e9;
        loadedProbe.close();
        List<NeighbourLoad.Outcome> outcomes = work.isDone() ? work.get() : List.of();
        for (Path file : files) {
            Files.deleteIfExists(file);
        }

        // Quiet again: the machine is shared, so a quiet baseline on each side of the load shows its drift.
        NeighbourCalls.Phase quietAfter = new NeighbourCalls.Phase();
        sample(calls, quietAfter, samples + rounds, r -> r >= samples);
        NeighbourCalls.Phase quiet = NeighbourCalls.Phase.of(quietBefore, quietAfter);

        lines.add(String.format("%s quiet: %d rounds before A's work (%.0f s) and %d after; under A's load: %d "
                + "rounds in %.0f s (%d ms pause after each call)", db, samples, quietSeconds, samples, rounds,
                loadedSeconds, pause));
        lines.add(String.format("%s %-41s %5s %9s %9s | %5s %9s %9s | %-22s | %s", db, "customer B's call", "n",
                "quiet p50", "p95", "n", "load p50", "p95", "loaded p95 / quiet p95", "quiet p95 before, after"));
        for (String c : NeighbourCalls.CASES) {
            double[] q = quiet.stats(c);
            double[] l = loaded.stats(c);
            double ratio = l[2] / q[2];
            String notes = notes("quiet", quiet, c) + notes("loaded", loaded, c);
            lines.add(String.format("%s %-41s %5.0f %6.1f ms %6.1f ms | %5.0f %6.1f ms %6.1f ms | %6.2f× %-14s | "
                    + "%.1f, %.1f ms%s", db, c, q[0], q[1], q[2], l[0], l[1], l[2], ratio,
                    c.startsWith("*") ? "" : ratio <= 3 ? "within 3×" : "OVER 3×", quietBefore.stats(c)[2],
                    quietAfter.stats(c)[2], notes));
        }
        lines.add(db + " (target ≤ 3× for the B9 cases; * is not one: B's own small job, queued behind A's jobs)");
        for (NeighbourCalls.Phase phase : List.of(quiet, loaded)) {
            if (phase.firstFailure() != null) {
                lines.add(db + " first failed call" + (phase == quiet ? " (quiet): " : " (loaded): ")
                        + phase.firstFailure());
            }
        }
        lines.add(String.format("%s customer A's work: %s in %.1f s from the first request to the last job's end",
                db, work.isDone() ? "all over" : "NOT OVER (stopped sampling at -Dbench.maxLoadedSeconds)",
                loadedSeconds));
        outcomes.forEach(o -> lines.add(db + "   " + o.describe(t0)));
        lines.addAll(quietProbe.summary(db + " probe, quiet (before):"));
        lines.addAll(loadedProbe.summary(db + " probe, loaded:"));
        return lines;
    }

    /**
     * Samples B in rounds until {@code over} says so (given the rounds done), with B's small import jobs one after
     * the other on a thread of their own (the first 5 s into the phase, so that A's jobs are queued by then).
     */
    private static int sample(NeighbourCalls calls, NeighbourCalls.Phase phase, int firstRound, IntPredicate over)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread importer = new Thread(() -> {
            try {
                Thread.sleep(5000);
                while (!stop.get()) {
                    calls.importJob(phase);
                    Thread.sleep(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                phase.add(NeighbourCalls.IMPORT_JOB, Double.NaN, 0, false, String.valueOf(e));
            }
        }, "bench-b-imports");
        importer.setDaemon(true);
        importer.start();
        int r = 0;
        try {
            while (!over.test(r)) {
                calls.round(phase, firstRound + r++);
            }
        } finally {
            stop.set(true);
            importer.join();
        }
        return r;
    }

    private static String notes(String name, NeighbourCalls.Phase phase, String c) {
        int refused = phase.refused(c);
        int failed = phase.failed(c);
        return (refused > 0 ? "; " + name + ": " + refused + " × 429 (rate limited!)" : "")
                + (failed > 0 ? "; " + name + ": " + failed + " failed" : "");
    }

    private static TestCustomerUsers.Tenant tenant(ConfigurableApplicationContext app, String name, int e3,
            int powerBi) {
        CustomersService customers = app.getBean(CustomersService.class);
        String domain = "n" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Customer customer = SystemActor.call(() -> {
            Customer c = customers.create(new NewCustomer(name, "SE", List.of(domain)));
            customers.addSubscription(c.id(), E3, e3);
            customers.addSubscription(c.id(), POWER_BI, powerBi);
            return c;
        });
        return new TestCustomerUsers.Tenant(customer.id(), domain);
    }

    /** B's users as a real tenant's: E3 for user names ending in 0–5, Power BI for 9, nothing for 6–8. */
    private static void licenseB(JdbcTemplate jdbc, CustomerId customer) {
        UUID c = customer.value();
        for (String digit : List.of("0", "1", "2", "3", "4", "5", "9")) {
            jdbc.update("INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at) "
                    + "SELECT customer_id, id, ?, 'ACTIVE', CURRENT_TIMESTAMP FROM app_user WHERE customer_id = ? "
                    + "AND user_principal_name LIKE ?", (digit.equals("9") ? POWER_BI : E3).value(), c,
                    "user%" + digit + "@%");
        }
        jdbc.update("UPDATE subscription s SET assigned = (SELECT count(*) FROM license_assignment l "
                + "WHERE l.customer_id = s.customer_id AND l.sku_id = s.sku_id AND l.state = 'ACTIVE') "
                + "WHERE s.customer_id = ?", c);
    }
}
