package io.seatwise.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.seatwise.access.SystemActor;
import io.seatwise.access.TestCustomerUsers;
import io.seatwise.customers.CustomerId;
import io.seatwise.scim.ScimTokens;
import io.seatwise.users.DirectoryRole;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * targets.md B10 (issue 14, point 7) on H2 and PostgreSQL, over real HTTP on loopback.
 *
 * <p><b>Provisioning:</b> {@code -Dbench.users} users (default 10,000) POSTed to {@code /scim/v2/Users} by
 * {@code -Dbench.clients} concurrent clients (default 8) with a SCIM token of their customer, each user with a role
 * whose value is the part number of a subscribed product with enough seats ({@code SPE_E3}): users/s overall,
 * p50/p95/p99 per request, errors (must be 0), beside Entra's requirement (25 requests/s per tenant) and the target
 * (250/s). Measured in the same run: the same users created through the REST API
 * ({@code POST /api/v1/customers/{id}/users} with the license, one per request, same clients) — the ratio SCIM/REST
 * says what the SCIM layer costs over the existing one-user path (1.0 = nothing) — and the raw floor (the same users
 * and licenses written by batched SQL, no service, no HTTP), to say how far one-user-per-request is from the
 * database's own rate.
 *
 * <p><b>Lookup:</b> {@code GET /scim/v2/Users?filter=userName eq "…"} of random existing users in a tenant of
 * {@code -Dbench.tenantUsers} users (default 1,000,000, inserted in bulk as the other benchmarks do), p50/p95 over
 * {@code -Dbench.lookups} calls (default 2,000) from one client, interleaved call by call with its baselines: the
 * raw SQL lookup by {@code user_name_key} (JDBC, in process), {@code GET /scim/v2/Users/{id}} (the same HTTP and
 * resource rendering, found by primary key) and a filter that matches nobody (what Entra sends before creating a user).
 *
 * <pre>./mvnw -Pbenchmark -DskipTests test -Dbench.main=io.seatwise.bench.ScimProvisioningBenchmark</pre>
 * Options: -Dbench.db=h2,postgres, -Dbench.users, -Dbench.clients, -Dbench.warmUp (untimed users per path, 500),
 * -Dbench.tenantUsers, -Dbench.lookups, -Dbench.part (part number of the role, SPE_E3), -Dbench.skip=lookup or
 * provisioning, -Dbench.profile=true (where the request threads' wall time goes, {@link WallProfiler}).
 */
public final class ScimProvisioningBenchmark {

    static final String PART = System.getProperty("bench.part", "SPE_E3");
    private static final double ENTRA = 25;
    private static final double TARGET = 250;
    /** -Dbench.profile=true: where the request threads' wall time goes during the timed runs (costs a little). */
    private static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    /** The frame every request thread is inside while it serves a request. */
    private static final String REQUEST = "ApplicationFilterChain.doFilter";

    private ScimProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("bench.users", 10_000);
        int clients = Integer.getInteger("bench.clients", 8);
        List<String> report = BenchSupport.onEachDatabase((db, app) -> run(db, app, users, clients));
        System.out.println();
        System.out.println("=== SCIM provisioning benchmark (targets.md B10): " + users + " users by " + clients
                + " clients; filter=userName eq in a tenant of " + Integer.getInteger("bench.tenantUsers", 1_000_000)
                + " users ===");
        report.forEach(System.out::println);
    }

    private static List<String> run(String db, ConfigurableApplicationContext app, int n, int clients)
            throws Exception {
        List<String> lines = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println(line);
                return super.add(line);
            }
        };
        String skip = System.getProperty("bench.skip", "");
        if (!skip.contains("provisioning")) {
            provisioning(db, app, n, clients, lines);
        }
        if (!skip.contains("lookup")) {
            new ScimLookups(db, app, lines).run(Integer.getInteger("bench.tenantUsers", 1_000_000),
                    Integer.getInteger("bench.lookups", 2000));
        }
        return lines;
    }

    private static void provisioning(String db, ConfigurableApplicationContext app, int n, int clients,
            List<String> lines) throws Exception {
        int warm = Integer.getInteger("bench.warmUp", 500);
        String base = base(app);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        TestCustomerUsers people = app.getBean(TestCustomerUsers.class);
        TestCustomerUsers.Tenant scim = people.tenant(n + warm + 10);
        TestCustomerUsers.Tenant rest = people.tenant(n + warm + 10);
        TestCustomerUsers.Tenant floor = people.tenant(n + 10);
        String scimToken = scimToken(app, scim.id());
        String apiToken = people.create(rest, DirectoryRole.GLOBAL_ADMIN).token();

        // Untimed: class loading, JIT, the pools' connections, for both paths.
        HttpLoad.Result warmRest = HttpLoad.run(clients, warm, i -> restPost(base, rest, apiToken, "warm" + i), 201);
        HttpLoad.Result warmScim = HttpLoad.run(clients, warm, i -> scimPost(base, scim.domain(), scimToken,
                "warm" + i), 201);
        lines.add(String.format("%s warm-up (untimed figures): REST %s", db, warmRest.describe()));
        lines.add(String.format("%s warm-up (untimed figures): SCIM %s", db, warmScim.describe()));
        System.gc();

        LoadProbe restProbe = new LoadProbe(db, app.getBean(DataSource.class), app.getEnvironment());
        WallProfiler restProfile = PROFILE ? new WallProfiler(REQUEST) : null;
        HttpLoad.Result restRun = HttpLoad.run(clients, n, i -> restPost(base, rest, apiToken, "user" + i), 201);
        close(restProfile);
        restProbe.close();
        System.gc();
        LoadProbe probe = new LoadProbe(db, app.getBean(DataSource.class), app.getEnvironment());
        WallProfiler scimProfile = PROFILE ? new WallProfiler(REQUEST) : null;
        HttpLoad.Result scimRun = HttpLoad.run(clients, n, i -> scimPost(base, scim.domain(), scimToken, "user" + i),
                201);
        close(scimProfile);
        probe.close();
        double floorSeconds = floor(jdbc, floor, n);

        long scimUsers = count(jdbc, "SELECT count(*) FROM app_user WHERE customer_id = ? AND deleted_at IS NULL "
                + "AND user_principal_name LIKE 'user%'", scim.id());
        long scimLicenses = count(jdbc, "SELECT count(*) FROM license_assignment a JOIN app_user u ON u.customer_id ="
                + " a.customer_id AND u.id = a.user_id WHERE a.customer_id = ? AND a.state = 'ACTIVE' "
                + "AND u.user_principal_name LIKE 'user%'", scim.id());
        long restLicenses = count(jdbc, "SELECT count(*) FROM license_assignment a JOIN app_user u ON u.customer_id ="
                + " a.customer_id AND u.id = a.user_id WHERE a.customer_id = ? AND a.state = 'ACTIVE' "
                + "AND u.user_principal_name LIKE 'user%'", rest.id());

        double s = scimRun.perSecond();
        lines.add(String.format("%s B10 SCIM  POST /scim/v2/Users, role %s: %s", db, PART, scimRun.describe()));
        lines.add(String.format("%s B10 REST  POST /api/v1/customers/{id}/users with the license (baseline): %s", db,
                restRun.describe()));
        lines.add(String.format("%s B10 floor raw batched INSERTs of %,d users + their licenses: %.2f s = %,.0f "
                + "users/s", db, n, floorSeconds, n / floorSeconds));
        lines.add(String.format("%s B10 SCIM %,.0f users/s = %.1f× Entra's required 25 req/s per tenant; target "
                + "%.0f/s: %s; SCIM/REST throughput %.2f (p50 latency SCIM/REST %.2f); floor/SCIM %.0f×", db, s,
                s / ENTRA, TARGET, s >= TARGET ? "MET" : "NOT MET", s / restRun.perSecond(),
                scimRun.p(0.5) / restRun.p(0.5), (n / floorSeconds) / s));
        lines.add(String.format("%s B10 check: SCIM users created %,d of %,d, with an active %s license %,d "
                + "(REST baseline: %,d licensed)%s", db, scimUsers, n, PART, scimLicenses, restLicenses,
                scimLicenses < scimUsers ? " — ROLES NOT TURNED INTO LICENSES: the SCIM figure excludes the licensing"
                        + " engine" : ""));
        lines.addAll(probe.summary(db + " B10 probe during the SCIM run:"));
        lines.addAll(restProbe.summary(db + " B10 probe during the REST run:"));
        if (PROFILE) {
            lines.addAll(scimProfile.summary(db + " B10 wall profile, SCIM POST:", 1));
            lines.addAll(restProfile.summary(db + " B10 wall profile, REST POST:", 1));
        }
    }

    private static void close(WallProfiler profiler) {
        if (profiler != null) {
            profiler.close();
        }
    }

    static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** A new SCIM token of the customer, made through the token service as an agent would. */
    static String scimToken(ConfigurableApplicationContext app, CustomerId customer) {
        ScimTokens tokens = app.getBean(ScimTokens.class);
        return SystemActor.call(() -> tokens.create(customer, "benchmark").token());
    }

    /** An Entra-like POST: core attributes, a work email, an externalId and one app role (the product). */
    private static HttpRequest scimPost(String base, String domain, String token, String name) {
        String upn = name + "@" + domain;
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + upn
                + "\",\"externalId\":\"ext-" + name + "\",\"active\":true,\"displayName\":\"SCIM " + name
                + "\",\"name\":{\"givenName\":\"First " + name + "\",\"familyName\":\"Last\"},"
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + upn + "\"}],"
                + "\"roles\":[{\"primary\":false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\"" + PART
                + "\"}]}";
        return HttpLoad.request(base + "/scim/v2/Users", token).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest restPost(String base, TestCustomerUsers.Tenant tenant, String token, String name) {
        String body = "{\"userPrincipalName\":\"" + name + "@" + tenant.domain() + "\",\"firstName\":\"First " + name
                + "\",\"lastName\":\"Last\",\"displayName\":\"REST " + name + "\",\"licensesToAssign\":[{\"skuId\":\""
                + TestCustomerUsers.E3 + "\",\"excludedPlans\":[]}]}";
        return HttpLoad.request(base + "/api/v1/customers/" + tenant.id() + "/users", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The raw floor: the same number of users and their licenses by batched SQL, seats counted once. */
    private static double floor(JdbcTemplate jdbc, TestCustomerUsers.Tenant tenant, int n) {
        long t = System.nanoTime();
        UUID c = tenant.id().value();
        BenchSupport.insertUsers(jdbc, c, tenant.domain(), n, false);
        jdbc.update("INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at) "
                + "SELECT customer_id, id, ?, 'ACTIVE', CURRENT_TIMESTAMP FROM app_user WHERE customer_id = ?",
                TestCustomerUsers.E3.value(), c);
        jdbc.update("UPDATE subscription s SET assigned = (SELECT count(*) FROM license_assignment l "
                + "WHERE l.customer_id = s.customer_id AND l.sku_id = s.sku_id AND l.state = 'ACTIVE') "
                + "WHERE s.customer_id = ?", c);
        return (System.nanoTime() - t) / 1e9;
    }

    private static long count(JdbcTemplate jdbc, String sql, CustomerId customer) {
        Long n = jdbc.queryForObject(sql, Long.class, customer.value());
        return n == null ? 0 : n;
    }
}
