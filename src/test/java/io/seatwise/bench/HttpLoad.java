package io.seatwise.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Concurrent clients over real HTTP (java.net.http, HTTP/1.1 on loopback, one client per thread as separate
 * identity-provider workers would be): {@code clients} threads take the next of {@code n} requests until none is
 * left, each timed from send to the whole answer read. A request succeeds when its status is {@code expected}.
 */
final class HttpLoad {

    /** What a run of requests measured: wall time, per-request latencies (ms, sorted), failures. */
    record Result(int requests, double seconds, double[] ms, int failures, String firstFailure) {

        double perSecond() {
            return (requests - failures) / seconds;
        }

        double p(double q) {
            return percentile(ms, q);
        }

        String describe() {
            return String.format("%,d requests in %.2f s = %.0f/s; per request p50 %.1f / p95 %.1f / p99 %.1f / "
                    + "max %.1f ms; errors %d%s", requests, seconds, perSecond(), p(0.50), p(0.95), p(0.99),
                    ms.length == 0 ? Double.NaN : ms[ms.length - 1], failures,
                    firstFailure == null ? "" : " (first: " + firstFailure + ")");
        }
    }

    private HttpLoad() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Sends requests 0 … n-1 ({@code request} makes request i) from {@code clients} threads. */
    static Result run(int clients, int n, IntFunction<HttpRequest> request, int expected) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        double[] ms = new double[n];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                HttpClient http = client();
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                        HttpResponse<String> answer = http.send(request.apply(i), HttpResponse.BodyHandlers.ofString());
                        failure = answer.statusCode() == expected ? null : answer.statusCode() + " " + answer.body();
                    } catch (Exception e) {
                        failure = e.toString();
                    }
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    if (failure != null) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, failure.length() > 400 ? failure.substring(0, 400)
                                : failure);
                    }
                }
            }, "bench-http-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(ms);
        return new Result(n, seconds, ms, failures.get(), firstFailure.get());
    }

    static HttpRequest.Builder request(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(60));
    }

    /** The q-quantile (0 < q ≤ 1) of sorted values, nearest rank. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)];
    }
}
