package io.seatwise;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

import com.jayway.jsonpath.JsonPath;
import io.seatwise.support.NodeHttp;
import io.seatwise.support.Polling;
import io.seatwise.support.Postgres;
import io.seatwise.support.SeatwiseNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Seatwise instances, each its own process, on one PostgreSQL database (a fresh one, shared with no test context
 * of this JVM): what architecture.md promises for several nodes behind a load balancer. Their output goes to
 * {@code target/nodes/}. The import test stops a node hard, so it runs last.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesPostgresTests {

    static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    static final String ADMIN = "admin@nodes.example";
    static final String PASSWORD = "two-nodes-admin-password";
    /** Rows of the import that is cut off: enough to be still running when its node is stopped. */
    static final int IMPORT_ROWS = 40_000;

    SeatwiseNode a;
    SeatwiseNode b;
    JdbcClient db;
    String token;
    final NodeHttp http = new NodeHttp();

    @BeforeAll
    void startTwoNodes() throws Exception {
        String unavailable = Postgres.unavailableReason();
        if (unavailable != null && Postgres.required()) {
            throw new IllegalStateException("CI=true requires PostgreSQL, but it is not available: " + unavailable);
        }
        Assumptions.assumeTrue(unavailable == null, () -> "SKIPPED: PostgreSQL not available (" + unavailable + ")");
        String url = Postgres.newDatabase();
        db = JdbcClient.create(new DriverManagerDataSource(url, Postgres.user(), Postgres.password()));
        Map<String, String> properties = Map.ofEntries(
                Map.entry("spring.datasource.url", url),
                Map.entry("spring.datasource.username", Postgres.user()),
                Map.entry("spring.datasource.password", Postgres.password()),
                Map.entry("seatwise.demo-data", "false"),
                Map.entry("seatwise.admin.email", ADMIN),
                Map.entry("seatwise.admin.password", PASSWORD),
                // Not about the second factor: the Admin signs in and makes a token with its password alone
                Map.entry("seatwise.mfa.required", "false"),
                // A job whose node went silent is taken over after 5 s (60 s by default), to keep the test short
                Map.entry("seatwise.jobs.stale-after", "5s"),
                Map.entry("seatwise.jobs.heartbeat", "1s"),
                Map.entry("seatwise.jobs.poll", "500ms"),
                // Both nodes try the purge at the same moments, every 5 s: the lock must let one of them run each time
                Map.entry("seatwise.purge.cron", "*/5 * * * * *"),
                Map.entry("seatwise.purge.lock-at-least", "4s"));
        // One after the other: the first creates the schema, the catalog and the first Admin agent
        a = SeatwiseNode.start("node-a", properties);
        b = SeatwiseNode.start("node-b", properties);
        token = http.token(a.url("/api/v1/tokens"), ADMIN, PASSWORD);
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (SeatwiseNode node : new SeatwiseNode[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void anAgentSignedInOnOneNodeGoesOnOnTheOther() throws Exception {
        String login = http.get(a.url("/login")).body();
        HttpResponse<String> signedIn = http.postForm(a.url("/login"), Map.of("username", ADMIN, "password",
                PASSWORD, "_csrf", NodeHttp.csrf(login)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/customers");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");

        // The same cookie on the other node: the agent is signed in there, and its CSRF token holds there too
        HttpResponse<String> onB = http.get(b.url("/customers"));
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains(ADMIN);
        HttpResponse<String> signedOut = http.postForm(b.url("/logout"), Map.of("_csrf", NodeHttp.csrf(onB.body())));
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");

        // Signed out on B is signed out on A
        HttpResponse<String> onA = http.get(a.url("/customers"));
        assertThat(onA.statusCode()).isEqualTo(302);
        assertThat(onA.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    @Order(2)
    void clientsOnBothNodesNeverOversubscribeASeatPool() throws Exception {
        String customer = customer(10);
        List<String> users = importUsers(customer, 50);
        SeatwiseNode[] nodes = {a, b};
        // per node: applied, refused (too few seats), rate-limited, anything else
        AtomicIntegerArray counts = new AtomicIntegerArray(8);
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int node = c % 2;
            URI url = nodes[node].url("/api/v1/customers/" + customer + "/licenseupdates");
            running.add(clients.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    List<String> picked = new ArrayList<>();
                    for (int k = random.nextInt(1, 4); k > 0; k--) {
                        picked.add('"' + users.get(random.nextInt(users.size())) + '"');
                    }
                    String body = "{\"userIds\":" + picked + "," + (random.nextBoolean()
                            ? "\"licensesToAssign\":[{\"skuId\":\"" + E3 + "\"}]}"
                            : "\"licensesToRemove\":[\"" + E3 + "\"]}");
                    int status = http.postJson(url, token, body).statusCode();
                    counts.incrementAndGet(node * 4 + (status == 200 ? 0 : status == 409 ? 1 : status == 429 ? 2 : 3));
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        assertThat(counts.get(0)).as("changes applied through A").isPositive();
        assertThat(counts.get(4)).as("changes applied through B").isPositive();
        assertThat(counts.get(3) + counts.get(7)).as("answers other than 200, 409 and 429: " + counts).isZero();
        int assigned = db.sql("SELECT assigned FROM subscription WHERE customer_id = ? AND sku_id = ?")
                .params(UUID.fromString(customer), UUID.fromString(E3)).query(Integer.class).single();
        assertThat(assigned).isBetween(0, 10).isEqualTo(activeAssignments(customer));
    }

    @Test
    @Order(3)
    void theRetentionPurgeRunsOnceAcrossBothNodes() throws Exception {
        String customer = customer(10);
        List<String> users = importUsers(customer, 5);
        List<String> gone = users.subList(0, 3);
        for (String user : gone) {
            assertThat(http.delete(a.url("/api/v1/customers/" + customer + "/users/" + user), token).statusCode())
                    .isEqualTo(204);
        }
        db.sql("UPDATE app_user SET deleted_at = ? WHERE customer_id = ? AND deleted_at IS NOT NULL")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(40))), UUID.fromString(customer)).update();

        await(Duration.ofSeconds(60), () -> count("SELECT count(*) FROM app_user WHERE customer_id = ?", customer) == 2);
        // A few more moments at which both nodes try again: nothing is left, and nothing runs twice
        Thread.sleep(12_000);

        assertThat(db.sql("SELECT data FROM activity_log WHERE customer_id = ? AND action = 'users.purged'")
                .params(UUID.fromString(customer)).query(String.class).list()).singleElement().asString()
                .contains("\"purged\":3");
        long runs = (a.output() + b.output()).lines().filter(l -> l.contains("purge of users deleted before"))
                .filter(l -> l.endsWith(": 3 removed")).count();
        assertThat(runs).as("runs that purged the three users, on either node").isEqualTo(1);
    }

    @Test
    @Order(4)
    void anImportWhoseNodeIsStoppedHardFinishesOnceOnTheOther() throws Exception {
        String customer = customer(IMPORT_ROWS + 10);
        String domain = domain(customer);
        StringBuilder csv = new StringBuilder("First name,Last name,Display name,User name,Usage location,Licenses\n");
        for (int i = 0; i < IMPORT_ROWS; i++) {
            csv.append("First").append(i).append(",Last").append(i).append(",User ").append(i).append(",user")
                    .append(i).append('@').append(domain).append(",SE,SPE_E3\n");
        }
        HttpResponse<String> accepted = http.postCsv(a.url("/api/v1/customers/" + customer
                + "/users/import?async=true"), token, "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = JsonPath.read(accepted.body(), "$.jobId");
        URI jobOnA = a.url("/api/v1/customers/" + customer + "/jobs/" + job);

        // Stop the node running it once it is at work
        SeatwiseNode runner = Polling.atMost(Duration.ofSeconds(60)).alias("the import started").until(() -> {
            String state = http.get(jobOnA, token).body();
            assertThat((String) JsonPath.read(state, "$.status")).as("the import finished before it could be "
                    + "stopped: make it bigger").isIn("QUEUED", "RUNNING");
            if ("RUNNING".equals(JsonPath.read(state, "$.status"))
                    && ((Number) JsonPath.read(state, "$.done")).longValue() > 0) {
                String claimedBy = db.sql("SELECT claimed_by FROM job WHERE id = ?").params(UUID.fromString(job))
                        .query(String.class).single();
                return claimedBy.startsWith("node-" + a.pid() + "-") ? a : b;
            }
            return null;
        }, Objects::nonNull);
        runner.kill();
        SeatwiseNode survivor = runner == a ? b : a;
        assertThat(runner.isAlive()).isFalse();

        URI jobOnSurvivor = survivor.url("/api/v1/customers/" + customer + "/jobs/" + job);
        await(Duration.ofSeconds(180), () -> "SUCCEEDED".equals(JsonPath.read(http.get(jobOnSurvivor, token).body(),
                "$.status")));
        String done = http.get(jobOnSurvivor, token).body();
        assertThat((Integer) JsonPath.read(done, "$.attempts")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) JsonPath.read(done, "$.result.created")).isEqualTo(IMPORT_ROWS);
        assertThat(count("SELECT count(*) FROM app_user WHERE customer_id = ?", customer)).isEqualTo(IMPORT_ROWS);
        assertThat(db.sql("SELECT assigned FROM subscription WHERE customer_id = ? AND sku_id = ?")
                .params(UUID.fromString(customer), UUID.fromString(E3)).query(Long.class).single())
                .isEqualTo(IMPORT_ROWS);
        assertThat(activeAssignments(customer)).isEqualTo(IMPORT_ROWS);
        assertThat(count("SELECT count(*) FROM license_change WHERE customer_id = ?", customer)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM password_sheet WHERE customer_id = ?", customer)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM password_sheet_entry WHERE customer_id = ?", customer)).isPositive();
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    /** A customer with an E3 pool of this many seats, made through the API; its id. */
    String customer(int seats) throws Exception {
        String domain = "n" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        HttpResponse<String> created = http.postJson(a.url("/api/v1/customers"), token, "{\"name\":\"Nodes "
                + domain + "\",\"country\":\"SE\",\"domains\":[\"" + domain + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JsonPath.read(created.body(), "$.id");
        HttpResponse<String> pool = http.postJson(b.url("/api/v1/customers/" + id + "/subscriptions"), token,
                "{\"skuId\":\"" + E3 + "\",\"quantity\":" + seats + "}");
        assertThat(pool.statusCode()).as(pool.body()).isBetween(200, 201);
        return id;
    }

    String domain(String customer) {
        return db.sql("SELECT domain_name FROM customer_domain WHERE customer_id = ?").params(UUID.fromString(customer))
                .query(String.class).list().get(0);
    }

    /** Imports n users without licenses (synchronously); their ids. */
    List<String> importUsers(String customer, int n) throws Exception {
        String domain = domain(customer);
        StringBuilder csv = new StringBuilder("First name,Last name,Display name,User name,Usage location\n");
        for (int i = 0; i < n; i++) {
            csv.append("F").append(i).append(",L").append(i).append(",User ").append(i).append(",u").append(i)
                    .append('@').append(domain).append(",SE\n");
        }
        HttpResponse<String> imported = http.postCsv(a.url("/api/v1/customers/" + customer + "/users/import"), token,
                "users.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(imported.body(), "$.created")).isEqualTo(n);
        List<String> ids = JsonPath.read(http.get(b.url("/api/v1/customers/" + customer + "/users?size=500"), token)
                .body(), "$.items[*].id");
        assertThat(ids).hasSize(n);
        return ids;
    }

    long activeAssignments(String customer) {
        return db.sql("SELECT count(*) FROM license_assignment WHERE customer_id = ? AND sku_id = ? AND state = "
                + "'ACTIVE'").params(UUID.fromString(customer), UUID.fromString(E3)).query(Long.class).single();
    }

    long count(String sql, String customer) {
        return db.sql(sql).params(UUID.fromString(customer)).query(Long.class).single();
    }

    static void await(Duration limit, Callable<Boolean> condition) {
        Polling.atMost(limit).pollInterval(Duration.ofMillis(250)).until(condition);
    }
}
