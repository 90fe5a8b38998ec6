package io.seatwise.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the server's request threads spend their wall time, waiting included (a CPU profiler misses waits on a
 * database lock, a socket, a connection): every 10 ms the stacks of Tomcat's request threads that are inside a frame
 * containing {@code marker} (e.g. the SCIM controller) are taken; each method of ours, and a few telling library
 * frames (JDBC round trips, lock waits, the pool, commits), is counted once per sampled stack. The share of a frame
 * is the share of request time spent inside it ("inclusive"); on a machine whose cores are shared, runnable time
 * also holds time waiting for a core.
 */
final class WallProfiler implements AutoCloseable {

    /** Library frames worth naming beside ours. */
    private static final List<String> TELLING = List.of("org.postgresql.core.v3.QueryExecutorImpl.execute",
            "org.postgresql.core.v3.QueryExecutorImpl.processResults", "org.h2.command.Command.executeQuery",
            "org.h2.command.Command.executeUpdate", "org.h2.command.Command.executeBatchUpdate",
            "org.h2.mvstore.tx.Transaction.waitFor", "org.h2.mvstore.tx.TransactionStore.commit",
            "com.zaxxer.hikari.pool.HikariPool.getConnection", "java.sql.Connection.commit",
            "org.springframework.jdbc.datasource.DataSourceTransactionManager.doCommit",
            "org.springframework.jdbc.datasource.DataSourceTransactionManager.doBegin",
            "org.springframework.security.web.FilterChainProxy.doFilter", "tools.jackson.databind.ObjectMapper.readValue",
            "org.springframework.http.converter.AbstractGenericHttpMessageConverter.write");

    private final String marker;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-wall-profiler");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> inclusive = new TreeMap<>();
    private final Map<String, Integer> states = new TreeMap<>();
    private int samples;

    WallProfiler(String marker) {
        this.marker = marker;
        timer.scheduleAtFixedRate(this::sample, 10, 10, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (!e.getKey().getName().startsWith("http-nio")) {
                continue;
            }
            StackTraceElement[] stack = e.getValue();
            boolean inside = false;
            for (StackTraceElement f : stack) {
                if ((f.getClassName() + "." + f.getMethodName()).contains(marker)) {
                    inside = true;
                    break;
                }
            }
            if (inside) {
                record(e.getKey().getState(), stack);
            }
        }
    }

    private synchronized void record(Thread.State state, StackTraceElement[] stack) {
        samples++;
        String top = stack.length == 0 ? "?" : stack[0].getClassName() + "." + stack[0].getMethodName();
        String s = state + (top.contains("socketRead") || top.contains("SocketDispatcher.read")
                || top.contains("NioSocketImpl") ? " (socket read)" : "");
        states.merge(s, 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (StackTraceElement f : stack) {
            String m = f.getClassName() + "." + f.getMethodName();
            boolean ours = f.getClassName().startsWith("io.seatwise") && !f.getClassName().contains("$$");
            if ((ours || TELLING.contains(m)) && seen.add(m)) {
                inclusive.merge(m, 1, Integer::sum);
            }
        }
    }

    /** The frames holding at least {@code minPercent} of the sampled request time, largest first. */
    synchronized List<String> summary(String prefix, double minPercent) {
        List<String> lines = new ArrayList<>();
        int n = Math.max(1, samples);
        lines.add(String.format("%s %,d samples of request threads inside %s; thread states: %s", prefix, samples,
                marker, states.entrySet().stream().map(e -> String.format("%s %.0f%%", e.getKey(),
                        100.0 * e.getValue() / n)).reduce((a, b) -> a + ", " + b).orElse("-")));
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .filter(e -> 100.0 * e.getValue() / n >= minPercent)
                .forEach(e -> lines.add(String.format("%s %5.1f%% %s", prefix, 100.0 * e.getValue() / n,
                        e.getKey().replace("io.seatwise.", ""))));
        return lines;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
