package io.seatwise.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserId;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer B's calls in {@link NoisyNeighbourBenchmark}, each timed over real HTTP on loopback, one at a time as one
 * administrator works: through the API with B's administrator's token, and through the console signed in as that
 * administrator (the users page as a browser opens it, and a search as htmx asks for it while typing); beside them,
 * on a thread of its own, small imports of B run as jobs, timed until done.
 */
final class NeighbourCalls {

    static final String API_FIRST = "users page, First (API, sorted by name)";
    static final String API_SEARCH = "users search (API)";
    static final String API_LICENSE = "license change, 1 user (API)";
    static final String CONSOLE_FIRST = "users page, First (console page)";
    static final String CONSOLE_SEARCH = "users search (console, htmx)";
    /** Not a B9 case: how long B waits for a small job of its own (the console imports only this way). */
    static final String IMPORT_JOB = "* import of 10 users (async job, to done)";
    static final List<String> CASES = List.of(API_FIRST, API_SEARCH, API_LICENSE, CONSOLE_FIRST, CONSOLE_SEARCH,
            IMPORT_JOB);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** The timings of one phase (ms per case) and the answers that were not a success. */
    static final class Phase {
        private final Map<String, List<Double>> ms = new LinkedHashMap<>();
        private final Map<String, Integer> refused = new LinkedHashMap<>();
        private final Map<String, Integer> failed = new LinkedHashMap<>();
        private String firstFailure;

        Phase() {
            CASES.forEach(c -> ms.put(c, new ArrayList<>()));
        }

        synchronized void add(String name, double millis, int status, boolean ok, String body) {
            if (!Double.isNaN(millis)) {
                ms.get(name).add(millis);
            }
            if (status == 429) {
                refused.merge(name, 1, Integer::sum);
            } else if (!ok) {
                failed.merge(name, 1, Integer::sum);
                if (firstFailure == null) {
                    firstFailure = name + ": " + status + " " + body.substring(0, Math.min(300, body.length()));
                }
            }
        }

        /** Samples, p50 and p95 (ms). */
        synchronized double[] stats(String name) {
            double[] v = ms.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return new double[] {0, Double.NaN, Double.NaN};
            }
            return new double[] {v.length, v[(v.length - 1) / 2], v[(int) Math.ceil(v.length * 0.95) - 1]};
        }

        /** The samples of several phases together. */
        static Phase of(Phase... phases) {
            Phase all = new Phase();
            for (Phase p : phases) {
                synchronized (p) {
                    p.ms.forEach((name, values) -> all.ms.get(name).addAll(values));
                    p.refused.forEach((name, n) -> all.refused.merge(name, n, Integer::sum));
                    p.failed.forEach((name, n) -> all.failed.merge(name, n, Integer::sum));
                    all.firstFailure = all.firstFailure != null ? all.firstFailure : p.firstFailure;
                }
            }
            return all;
        }

        synchronized int refused(String name) {
            return refused.getOrDefault(name, 0);
        }

        synchronized int failed(String name) {
            return failed.getOrDefault(name, 0);
        }

        synchronized String firstFailure() {
            return firstFailure;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient api = HttpClient.newHttpClient();
    private final RestClient jobs;
    private final java.util.concurrent.atomic.AtomicInteger imports = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpClient console = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private final CustomerId customer;
    private final String domain;
    private final String bearer;
    private final List<UserId> changeable;
    private final SkuId product;
    private final long pauseMillis;

    /**
     * @param changeable B's users who lack {@code product}: a round's license change gives it to one of them, the
     *     next round's takes it back
     */
    NeighbourCalls(String base, CustomerId customer, String domain, String token, List<UserId> changeable,
            SkuId product, long pauseMillis) {
        this.base = base;
        this.customer = customer;
        this.domain = domain;
        this.jobs = RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + token).build();
        this.bearer = "Bearer " + token;
        this.changeable = changeable;
        this.product = product;
        this.pauseMillis = pauseMillis;
    }

    /** Signs the console client in as B's administrator (a customer user: no second factor unless it enrolled). */
    void signIn(String userName, String password) throws Exception {
        String login = console.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = "username=" + enc(userName) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> answer = console.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String to = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || to.contains("/login")) {
            throw new IllegalStateException("B's administrator could not sign in: " + answer.statusCode() + " " + to);
        }
    }

    /**
     * Round {@code r}: each case once, with a pause between calls as a person (and the server) would have. Searches
     * cycle through 250 prefixes of user names (user0 … user249, each matching tens of B's users, user1 thousands);
     * license changes alternate between giving the product to a user and taking it back.
     */
    void round(Phase phase, int r) throws Exception {
        String users = "/api/v1/customers/" + customer + "/users?sort=displayName&size=50";
        String search = "user" + (r * 37 % 250);
        call(phase, API_FIRST, api, apiGet(users), null);
        call(phase, API_SEARCH, api, apiGet(users + "&search=" + search), null);
        UserId user = changeable.get((r / 2) % changeable.size());
        String body = r % 2 == 0 ? "{\"licensesToAssign\":[{\"skuId\":\"" + product + "\",\"excludedPlans\":[]}]}"
                : "{\"licensesToRemove\":[\"" + product + "\"]}";
        call(phase, API_LICENSE, api, HttpRequest.newBuilder(URI.create(base + "/api/v1/customers/" + customer
                        + "/users/" + user + "/licenseupdates")).header("Authorization", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                "\"succeeded\":1");
        String page = base + "/customers/" + customer + "/users";
        call(phase, CONSOLE_FIRST, console, HttpRequest.newBuilder(URI.create(page)).build(), "id=\"user-results\"");
        call(phase, CONSOLE_SEARCH, console, HttpRequest.newBuilder(URI.create(page + "?filter=all&q=" + search
                + "&sort=displayName&size=50")).header("HX-Request", "true").build(), search);
    }

    /**
     * An import of 10 new users of B sent with {@code ?async=true}, timed from the request until the job is over
     * (polled every 50 ms): what B waits for when the queue of jobs is busy with another customer's work.
     */
    void importJob(Phase phase) {
        int k = imports.incrementAndGet();
        StringBuilder csv = new StringBuilder("First name,Last name,Display name,User name,Usage location,Licenses\n");
        for (int i = 0; i < 10; i++) {
            csv.append("New,User,New user ").append(k).append('-').append(i).append(",new").append(k).append('-')
                    .append(i).append('@').append(domain).append(",SE,\n");
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "users-" + k + ".csv";
            }
        });
        long t = System.nanoTime();
        String job = JSON.readTree(jobs.post().uri("/api/v1/customers/{c}/users/import?async=true", customer.value())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(String.class))
                .path("jobId").asString();
        JsonNode state;
        do {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            state = JSON.readTree(jobs.get().uri("/api/v1/customers/{c}/jobs/{j}", customer.value(), job).retrieve()
                    .body(String.class));
        } while (!state.path("status").asString().equals("SUCCEEDED")
                && !state.path("status").asString().equals("FAILED"));
        boolean ok = state.path("result").path("created").asInt() == 10;
        phase.add(IMPORT_JOB, (System.nanoTime() - t) / 1e6, 200, ok, state.toString());
    }

    private HttpRequest apiGet(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", bearer).build();
    }

    /** One timed call; a success is a 200 whose body holds {@code expect} (when given). */
    private void call(Phase phase, String name, HttpClient client, HttpRequest request, String expect)
            throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        boolean ok = answer.statusCode() == 200 && (expect == null || answer.body().contains(expect));
        phase.add(name, ms, answer.statusCode(), ok, answer.body());
        if (pauseMillis > 0) {
            Thread.sleep(pauseMillis);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
