package io.seatwise.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.seatwise.access.TestCustomerUsers;
import io.seatwise.users.UserId;
import io.seatwise.users.UserListChanges;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lookup half of B10 for {@link ScimProvisioningBenchmark}: {@code filter=userName eq "…"} in a tenant of N users,
 * timed call by call beside its baselines, each sample taking the cases in a rotating order (so no case is always
 * first after a pause, or always last).
 */
final class ScimLookups {

    private static final String FILTER_HIT = "filter=userName eq \"user<i>@…\" (found)";
    private static final String FILTER_CASE = "filter=userName eq \"USER<i>@…\" (found, other case)";
    private static final String FILTER_MISS = "filter=userName eq \"nobody<i>@…\" (totalResults 0)";
    private static final String BY_ID = "GET /scim/v2/Users/{id} (baseline: by primary key)";
    private static final String RAW = "raw SQL by user_name_key, JDBC in process (baseline)";
    private static final String CONFIG = "GET /scim/v2/ServiceProviderConfig (baseline: HTTP + token)";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double TARGET_P95 = 10;

    private final String db;
    private final ConfigurableApplicationContext app;
    private final List<String> lines;
    private final JdbcTemplate jdbc;
    private final HttpClient http = HttpLoad.client();
    private final Map<String, List<Double>> ms = new LinkedHashMap<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private String firstFailure;

    ScimLookups(String db, ConfigurableApplicationContext app, List<String> lines) {
        this.db = db;
        this.app = app;
        this.lines = lines;
        this.jdbc = app.getBean(JdbcTemplate.class);
        for (String c : List.of(FILTER_HIT, FILTER_CASE, FILTER_MISS, BY_ID, RAW, CONFIG)) {
            ms.put(c, new ArrayList<>());
            failures.put(c, 0);
        }
    }

    void run(int tenantUsers, int samples) throws Exception {
        long t = System.nanoTime();
        TestCustomerUsers.Tenant tenant = app.getBean(TestCustomerUsers.class).tenant(10);
        List<UserId> ids = BenchSupport.insertUsers(jdbc, tenant.id().value(), tenant.domain(), tenantUsers);
        app.getBean(TransactionTemplate.class).executeWithoutResult(
                s -> app.getBean(UserListChanges.class).recount(tenant.id()));
        if (db.equals("postgres")) {
            jdbc.execute("VACUUM ANALYZE app_user");
        }
        System.gc();
        lines.add(String.format("%s B10 lookup tenant: %,d users inserted in bulk in %.1f s", db, tenantUsers,
                (System.nanoTime() - t) / 1e9));
        String token = ScimProvisioningBenchmark.scimToken(app, tenant.id());
        String base = ScimProvisioningBenchmark.base(app);
        Random random = new Random(42);
        int warmUp = Math.min(300, samples);
        for (int s = -warmUp; s < samples; s++) {
            int i = random.nextInt(tenantUsers);
            List<String> order = new ArrayList<>(ms.keySet());
            java.util.Collections.rotate(order, Math.floorMod(s, order.size()));
            for (String c : order) {
                call(c, s >= 0, base, token, tenant, i, ids.get(i));
            }
        }
        report(samples);
    }

    private void call(String c, boolean timed, String base, String token, TestCustomerUsers.Tenant tenant, int i,
            UserId id) throws Exception {
        String upn = "user" + i + "@" + tenant.domain();
        long t0 = System.nanoTime();
        String failure = switch (c) {
            case FILTER_HIT -> expectTotal(get(base, token, filter(upn)), 1, upn);
            case FILTER_CASE -> expectTotal(get(base, token, filter(upn.toUpperCase(Locale.ROOT))), 1, upn);
            case FILTER_MISS -> expectTotal(get(base, token, filter("nobody" + i + "@" + tenant.domain())), 0, null);
            case BY_ID -> {
                HttpResponse<String> answer = get(base, token, "/" + id);
                yield answer.statusCode() == 200 && answer.body().contains(upn) ? null
                        : answer.statusCode() + " " + answer.body();
            }
            case CONFIG -> {
                HttpResponse<String> answer = http.send(HttpLoad.request(base + "/scim/v2/ServiceProviderConfig",
                        token).GET().build(), HttpResponse.BodyHandlers.ofString());
                yield answer.statusCode() == 200 ? null : answer.statusCode() + " " + answer.body();
            }
            case RAW -> {
                List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, user_principal_name, first_name, "
                        + "last_name, display_name, usage_location, sign_in_blocked, created_at, updated_at "
                        + "FROM app_user WHERE customer_id = ? AND user_name_key = ?", tenant.id().value(),
                        upn.toLowerCase(Locale.ROOT));
                yield rows.size() == 1 ? null : "raw lookup found " + rows.size();
            }
            default -> throw new IllegalArgumentException(c);
        };
        double elapsed = (System.nanoTime() - t0) / 1e6;
        if (!timed) {
            return;
        }
        ms.get(c).add(elapsed);
        if (failure != null) {
            failures.merge(c, 1, Integer::sum);
            firstFailure = firstFailure != null ? firstFailure : c + ": " + (failure.length() > 400
                    ? failure.substring(0, 400) : failure);
        }
    }

    private static String filter(String userName) {
        return "?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private HttpResponse<String> get(String base, String token, String path) throws Exception {
        HttpRequest request = HttpLoad.request(base + "/scim/v2/Users" + path, token)
                .header("Accept", "application/scim+json").GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String expectTotal(HttpResponse<String> answer, int total, String userName) {
        if (answer.statusCode() != 200) {
            return answer.statusCode() + " " + answer.body();
        }
        JsonNode body = JSON.readTree(answer.body());
        if (body.path("totalResults").asInt(-1) != total) {
            return "totalResults " + body.path("totalResults") + ", expected " + total + ": " + answer.body();
        }
        if (userName != null && !body.path("Resources").path(0).path("userName").asString("")
                .equalsIgnoreCase(userName)) {
            return "not the user asked for: " + answer.body();
        }
        return null;
    }

    private void report(int samples) {
        double raw = stats(RAW)[0];
        for (Map.Entry<String, List<Double>> e : ms.entrySet()) {
            double[] s = stats(e.getKey());
            String target = e.getKey().startsWith("filter") && !e.getKey().contains("nobody")
                    ? String.format("; target p95 ≤ %.0f ms: %s", TARGET_P95, s[1] <= TARGET_P95 ? "MET" : "NOT MET")
                    : "";
            lines.add(String.format("%s B10 lookup %-58s p50 %6.2f / p95 %6.2f / p99 %6.2f ms; p50 / raw p50 %5.1f×; "
                    + "errors %d%s", db, e.getKey(), s[0], s[1], s[2], s[0] / raw, failures.get(e.getKey()), target));
        }
        lines.add(String.format("%s B10 lookup: %,d samples per case from one client (plus %d untimed); "
                + "filter p95 / GET-by-id p95 %.2f", db, samples, Math.min(300, samples),
                stats(FILTER_HIT)[1] / stats(BY_ID)[1]));
        if (firstFailure != null) {
            lines.add(db + " B10 lookup first failure: " + firstFailure);
        }
    }

    private double[] stats(String c) {
        double[] v = ms.get(c).stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return new double[] {HttpLoad.percentile(v, 0.50), HttpLoad.percentile(v, 0.95),
                HttpLoad.percentile(v, 0.99)};
    }
}
