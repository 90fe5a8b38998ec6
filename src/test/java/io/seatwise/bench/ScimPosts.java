package io.seatwise.bench;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import io.seatwise.access.TestCustomerUsers;
import io.seatwise.customers.CustomerId;
import io.seatwise.users.DirectoryRole;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The provisioning half of B10 for {@link ScimProvisioningBenchmark}: the timed runs of POSTs, each watched by a
 * {@link LoadProbe} (and, with {@code -Dbench.profile=true}, a {@link WallProfiler}), and the raw floor.
 */
final class ScimPosts {

    private static final double ENTRA = 25;
    private static final double TARGET = 250;
    private static final boolean PROFILE = Boolean.getBoolean("bench.profile");
    /** The frame every request thread is inside while it serves a request. */
    private static final String REQUEST = "ApplicationFilterChain.doFilter";

    private final String db;
    private final ConfigurableApplicationContext app;
    private final List<String> lines;
    private final List<String> notes = new ArrayList<>();
    private final String base;
    private final JdbcTemplate jdbc;
    private final int clients;

    ScimPosts(String db, ConfigurableApplicationContext app, List<String> lines, int clients) {
        this.db = db;
        this.app = app;
        this.lines = lines;
        this.base = ScimProvisioningBenchmark.base(app);
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.clients = clients;
    }

    void run(int n) throws Exception {
        // 2,000: on a 2-core machine the JIT compiles the request paths for about that long; after 200 it was still
        // compiling through the timed run (a fifth of the JVM's CPU in its compiler threads), so the figure was a
        // cold server's, not the steady rate of one that has been running.
        int warm = Integer.getInteger("bench.warmUp", 2000);
        int restN = Integer.getInteger("bench.restUsers", Math.min(n, 2000));
        int extraN = Integer.getInteger("bench.extraUsers", 1000);
        TestCustomerUsers people = app.getBean(TestCustomerUsers.class);
        TestCustomerUsers.Tenant scim = people.tenant(n + warm + 2 * extraN);
        TestCustomerUsers.Tenant rest = people.tenant(restN + warm + extraN);
        String scimToken = ScimProvisioningBenchmark.scimToken(app, scim.id());
        String apiToken = people.create(rest, DirectoryRole.GLOBAL_ADMIN).token();
        IntFunction<HttpRequest> restWarm = i -> restPost(rest, apiToken, "warm" + i, true);
        IntFunction<HttpRequest> scimWarm = i -> scimPost(scim.domain(), scimToken, "warm" + i, true);
        lines.add(String.format("%s warm-up (untimed): REST %s", db, HttpLoad.run(clients, warm, restWarm, 201)
                .describe()));
        lines.add(String.format("%s warm-up (untimed): SCIM %s", db, HttpLoad.run(clients, warm, scimWarm, 201)
                .describe()));

        HttpLoad.Result restRun = timed("REST  POST /api/v1/customers/{id}/users with the license (baseline, "
                + "a sample)", clients, restN, i -> restPost(rest, apiToken, "user" + i, true));
        HttpLoad.Result scimRun = timed("SCIM  POST /scim/v2/Users with role " + ScimProvisioningBenchmark.PART,
                clients, n, i -> scimPost(scim.domain(), scimToken, "user" + i, true));
        if (extraN > 0) {
            timed("SCIM  POST without a role (what the licensing costs)", clients, extraN,
                    i -> scimPost(scim.domain(), scimToken, "plain" + i, false));
            timed("REST  POST without a license", clients, extraN, i -> restPost(rest, apiToken, "plain" + i, false));
            timed("SCIM  POST with the role, ONE client (is it serial?)", 1, extraN / 2,
                    i -> scimPost(scim.domain(), scimToken, "solo" + i, true));
            spread(people, extraN);
        }
        TestCustomerUsers.Tenant floor = people.tenant(n + 10);
        double floorSeconds = floor(floor, n);
        lines.add(String.format("%s B10 floor raw batched INSERTs of %,d users + their licenses (no HTTP, no "
                + "service): %.2f s = %,.0f users/s", db, n, floorSeconds, n / floorSeconds));

        long created = count("SELECT count(*) FROM app_user WHERE customer_id = ? AND deleted_at IS NULL "
                + "AND user_principal_name LIKE 'user%'", scim.id());
        long licensed = licensed(scim.id(), "user%");
        double s = scimRun.perSecond();
        lines.add(String.format("%s B10 SCIM %,.0f users/s = %.1f× Entra's required 25 req/s per tenant; target "
                + "%.0f/s: %s; SCIM/REST throughput %.2f (p50 latency SCIM/REST %.2f); floor/SCIM %.0f×", db, s,
                s / ENTRA, TARGET, s >= TARGET ? "MET" : "NOT MET", s / restRun.perSecond(),
                scimRun.p(0.5) / restRun.p(0.5), (n / floorSeconds) / s));
        lines.add(String.format("%s B10 check: SCIM users created %,d of %,d, with an active %s license %,d; REST "
                + "baseline licensed %,d of %,d; SCIM users without a role licensed: %,d%s", db, created, n,
                ScimProvisioningBenchmark.PART, licensed, licensed(rest.id(), "user%"), restN,
                licensed(scim.id(), "plain%"), licensed < created ? " — ROLES NOT (ALL) TURNED INTO LICENSES: the SCIM"
                        + " figure leaves out (some of) the licensing engine's work" : ""));
        lines.addAll(notes);
    }

    /**
     * The same POSTs with the role, request i going to customer i % clients, each customer with its own token and seat
     * pool: the clients then rarely wait for one another's seat-pool lock. Beside the one-customer run, what that
     * lock costs (not a B10 figure: B10 is one tenant).
     */
    private void spread(TestCustomerUsers people, int n) throws Exception {
        List<TestCustomerUsers.Tenant> tenants = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            tenants.add(people.tenant(n / clients + 10));
            tokens.add(ScimProvisioningBenchmark.scimToken(app, tenants.get(c).id()));
        }
        timed("SCIM  POST with the role, each client's users in A CUSTOMER OF ITS OWN (no shared seat pool)", clients,
                n, i -> scimPost(tenants.get(i % clients).domain(), tokens.get(i % clients), "spread" + i, true));
    }

    /** One timed run, printed at once; its probe's and profile's lines are kept for the end. */
    private HttpLoad.Result timed(String label, int clientCount, int n, IntFunction<HttpRequest> request)
            throws Exception {
        System.gc();
        LoadProbe probe = new LoadProbe(db, app.getBean(DataSource.class), app.getEnvironment());
        WallProfiler profile = PROFILE ? new WallProfiler(REQUEST) : null;
        HttpLoad.Result result;
        try {
            result = HttpLoad.run(clientCount, n, request, 201);
        } finally {
            if (profile != null) {
                profile.close();
            }
            probe.close();
        }
        String what = String.format("%s B10 %s, %d client%s: ", db, label, clientCount, clientCount == 1 ? "" : "s");
        lines.add(what + result.describe());
        notes.addAll(probe.summary(db + " probe of [" + label + "]:"));
        if (profile != null) {
            notes.addAll(profile.summary(db + " wall profile of [" + label + "]:", 1));
        }
        return result;
    }

    /** An Entra-like POST: core attributes, a work email, an externalId and (when asked) one app role. */
    private HttpRequest scimPost(String domain, String token, String name, boolean role) {
        String upn = name + "@" + domain;
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + upn
                + "\",\"externalId\":\"ext-" + name + "\",\"active\":true,\"displayName\":\"SCIM " + name
                + "\",\"name\":{\"givenName\":\"First " + name + "\",\"familyName\":\"Last\"},"
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + upn + "\"}]"
                + (role ? ",\"roles\":[{\"primary\":false,\"type\":\"WindowsAzureActiveDirectoryRole\",\"value\":\""
                        + ScimProvisioningBenchmark.PART + "\"}]" : "") + "}";
        return HttpLoad.request(base + "/scim/v2/Users", token).header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest restPost(TestCustomerUsers.Tenant tenant, String token, String name, boolean license) {
        String body = "{\"userPrincipalName\":\"" + name + "@" + tenant.domain() + "\",\"firstName\":\"First " + name
                + "\",\"lastName\":\"Last\",\"displayName\":\"REST " + name + "\"" + (license
                        ? ",\"licensesToAssign\":[{\"skuId\":\"" + TestCustomerUsers.E3 + "\",\"excludedPlans\":[]}]"
                        : "") + "}";
        return HttpLoad.request(base + "/api/v1/customers/" + tenant.id() + "/users", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The raw floor: the same number of users and their licenses by batched SQL, seats counted once. */
    private double floor(TestCustomerUsers.Tenant tenant, int n) {
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

    private long licensed(CustomerId customer, String like) {
        return count("SELECT count(*) FROM license_assignment a JOIN app_user u ON u.customer_id = a.customer_id "
                + "AND u.id = a.user_id WHERE a.customer_id = ? AND a.state = 'ACTIVE' AND u.user_principal_name "
                + "LIKE '" + like + "'", customer);
    }

    private long count(String sql, CustomerId customer) {
        Long n = jdbc.queryForObject(sql, Long.class, customer.value());
        return n == null ? 0 : n;
    }
}
