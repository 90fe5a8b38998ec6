package io.seatwise.bench;

import java.util.ArrayList;
import java.util.List;

import io.seatwise.access.SystemActor;
import io.seatwise.customers.CustomerId;
import io.seatwise.provisioning.ScimTokens;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * targets.md B10 (issue 14, point 7) on H2 and PostgreSQL, over real HTTP on loopback, with SCIM tokens made by the
 * token service as an agent would.
 *
 * <p><b>Provisioning</b> ({@link ScimPosts}): {@code -Dbench.users} users (default 10,000) POSTed to
 * {@code /scim/v2/Users} by {@code -Dbench.clients} concurrent clients (default 8), each user with a role whose value
 * is the part number of a subscribed product with enough seats ({@code SPE_E3}): users/s overall, p50/p95/p99 per
 * request, errors (must be 0), beside Entra's requirement (25 requests/s per tenant) and the target (250/s).
 * Measured in the same run: the REST API's one-user path ({@code POST /api/v1/customers/{id}/users} with the license,
 * same clients; a sample of {@code -Dbench.restUsers}, default 2,000) — SCIM/REST throughput says what the SCIM layer
 * costs over the existing path (1.0 = nothing; above 1 = faster); the raw floor (the same users and licenses by
 * batched SQL: how far one user per request is from the database's own rate); and, over
 * {@code -Dbench.extraUsers} users (default 1,000; 0 = none), SCIM and REST without a license (what the licensing
 * engine costs), SCIM with the role from one client (8 clients no faster than one = the work is serial) and from 8
 * clients each on a customer of its own (no shared seat pool: what waiting for one another costs).
 *
 * <p><b>Lookup</b> ({@link ScimLookups}): {@code GET /scim/v2/Users?filter=userName eq "…"} of random existing users in
 * a tenant of {@code -Dbench.tenantUsers} users (default 1,000,000, inserted in bulk as the other benchmarks do),
 * p50/p95 over {@code -Dbench.lookups} calls (default 2,000) from one client, interleaved call by call with its
 * baselines: the raw SQL lookup by {@code user_name_key} (JDBC, in process), {@code GET /scim/v2/Users/{id}} (the
 * same HTTP and rendering, found by primary key) and a filter matching nobody (what Entra sends before a create).
 *
 * <pre>./mvnw -Pbenchmark -DskipTests test -Dbench.main=io.seatwise.bench.ScimProvisioningBenchmark</pre>
 * Options beside those above: -Dbench.db=h2,postgres, -Dbench.warmUp (untimed users per path, 2,000,
 * in the same customers), -Dbench.part
 * (the role's part number, SPE_E3), -Dbench.skip=lookup or provisioning, -Dbench.profile=true (where the request
 * threads' wall time goes, {@link WallProfiler}).
 */
public final class ScimProvisioningBenchmark {

    static final String PART = System.getProperty("bench.part", "SPE_E3");

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
            new ScimPosts(db, app, lines, clients).run(n);
        }
        if (!skip.contains("lookup")) {
            new ScimLookups(db, app, lines).run(Integer.getInteger("bench.tenantUsers", 1_000_000),
                    Integer.getInteger("bench.lookups", 2000));
        }
        return lines;
    }

    static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** A new SCIM token of the customer, made through the token service as an agent would. */
    static String scimToken(ConfigurableApplicationContext app, CustomerId customer) {
        ScimTokens tokens = app.getBean(ScimTokens.class);
        return SystemActor.call(() -> tokens.create(customer, "benchmark").token());
    }
}
