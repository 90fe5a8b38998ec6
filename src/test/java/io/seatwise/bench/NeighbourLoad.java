package io.seatwise.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customer A's work in {@link NoisyNeighbourBenchmark}, through the API with A's administrator's token as a script
 * of theirs would send it: one license change of every user ({@code ?async=true}, filter all) and, at the same time,
 * several CSV imports ({@code ?async=true}, a license on every row), then following the jobs until all are over.
 */
final class NeighbourLoad {

    /** One of A's jobs as it ended: how long its request took, and its job's times and result. */
    record Outcome(String what, double requestSeconds, String status, Instant created, Instant started,
            Instant finished, String result) {

        String describe(Instant t0) {
            return String.format("%s: request %.1f s; job %s, started at +%.1f s, finished at +%.1f s (ran %.1f s)%s",
                    what, requestSeconds, status, since(t0, started), since(t0, finished), since(started, finished),
                    result == null ? "" : ", result " + result);
        }

        private static double since(Instant from, Instant to) {
            return from == null || to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final CustomerId customer;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-customer-a");
        t.setDaemon(true);
        return t;
    });

    NeighbourLoad(String base, CustomerId customer, String token) {
        this.http = RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + token).build();
        this.customer = customer;
    }

    /** Writes an import file of {@code rows} new users of A, each with the product {@code part}. */
    static Path importFile(String domain, String prefix, int rows, String part) throws IOException {
        Path file = Files.createTempFile("seatwise-noisy-", ".csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("First name,Last name,Display name,User name,Usage location,Licenses\n");
            for (int i = 0; i < rows; i++) {
                out.write("First" + i + ",Last" + i + ",Imported " + prefix + " " + i + "," + prefix + i + "@"
                        + domain + ",SE," + part + "\n");
            }
        }
        return file;
    }

    /**
     * Starts all of A's work at once: the license change (sent first, so it is the first job in A's queue) and the
     * imports, each from a thread of its own; the future ends when every job is over.
     */
    CompletableFuture<List<Outcome>> start(SkuId product, List<Path> files) {
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        all.add(CompletableFuture.supplyAsync(() -> licenseChange(product), threads));
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String what = "import " + (i + 1) + " (" + file.getFileName() + ")";
            all.add(CompletableFuture.supplyAsync(() -> importUsers(what, file), threads));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList())
                .whenComplete((v, e) -> threads.shutdown());
    }

    private Outcome licenseChange(SkuId product) {
        long t = System.nanoTime();
        String body = "{\"filter\":{\"type\":\"all\"},\"licensesToAssign\":[{\"skuId\":\"" + product + "\"}]}";
        String answer = http.post().uri("/api/v1/customers/{c}/licenseupdates?async=true", customer.value())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class);
        return follow("license change of every user", seconds(t), answer);
    }

    private Outcome importUsers(String what, Path file) {
        long t = System.nanoTime();
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new FileSystemResource(file));
        String answer = http.post().uri("/api/v1/customers/{c}/users/import?async=true", customer.value())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().body(String.class);
        return follow(what, seconds(t), answer);
    }

    /** Polls the job of a 202 answer every second until it is over. */
    private Outcome follow(String what, double requestSeconds, String accepted) {
        String job = JSON.readTree(accepted).path("jobId").asString();
        while (true) {
            JsonNode state = JSON.readTree(http.get().uri("/api/v1/customers/{c}/jobs/{j}", customer.value(), job)
                    .retrieve().body(String.class));
            String status = state.path("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED")) {
                JsonNode result = state.path(status.equals("SUCCEEDED") ? "result" : "error");
                return new Outcome(what, requestSeconds, status, instant(state, "createdAt"),
                        instant(state, "startedAt"), instant(state, "finishedAt"), compact(result));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while following " + what, e);
            }
        }
    }

    /** The result's counts, without its lists and ids (an import's refused rows, its password sheet). */
    private static String compact(JsonNode result) {
        if (result == null || result.isMissingNode()) {
            return null;
        }
        if (result instanceof ObjectNode object) {
            object.remove(List.of("problems", "licenseFailures", "passwordSheetId"));
            for (JsonNode change : object.path("licenseChanges")) {
                ((ObjectNode) change).remove("changeId");
            }
        }
        return result.toString();
    }

    private static Instant instant(JsonNode state, String field) {
        JsonNode node = state.path(field);
        return node.isMissingNode() || node.isNull() ? null : Instant.parse(node.asString());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
