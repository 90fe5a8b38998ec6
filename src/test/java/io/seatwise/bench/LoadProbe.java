package io.seatwise.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.core.env.Environment;

/**
 * Where the time goes while a phase of {@link NoisyNeighbourBenchmark} runs, sampled every 250 ms: the
 * application's connection pool (in use, and requests waiting for a connection), the machine's and the JVM's CPU,
 * the garbage collector, and on PostgreSQL what the database's active sessions are doing ({@code pg_stat_activity}:
 * running on CPU, or waiting on a lock, I/O, the WAL …). The database is read through a connection of its own, so the
 * probe never takes one from the pool it watches.
 */
final class LoadProbe implements AutoCloseable {

    private final HikariPoolMXBean pool;
    private final int poolSize;
    private final Connection db;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-load-probe");
        t.setDaemon(true);
        return t;
    });
    private final long gcCount0 = gcCount();
    private final long gcMillis0 = gcMillis();
    private final Map<String, Integer> waits = new TreeMap<>();
    private int samples;
    private int maxActive;
    private int maxWaiting;
    private long sumActive;
    private long sumWaiting;
    private int samplesWaiting;
    private double sumCpu;
    private double sumJvmCpu;
    private long sumBackends;
    private int maxBackends;

    LoadProbe(String dbName, DataSource dataSource, Environment env) throws SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        this.pool = hikari.getHikariPoolMXBean();
        this.poolSize = hikari.getMaximumPoolSize();
        this.db = dbName.equals("postgres") ? DriverManager.getConnection(env.getProperty("spring.datasource.url"),
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password")) : null;
        os.getCpuLoad(); // the first reading of a load is meaningless
        timer.scheduleAtFixedRate(this::sample, 250, 250, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        try {
            samples++;
            int active = pool.getActiveConnections();
            int waiting = pool.getThreadsAwaitingConnection();
            maxActive = Math.max(maxActive, active);
            maxWaiting = Math.max(maxWaiting, waiting);
            sumActive += active;
            sumWaiting += waiting;
            samplesWaiting += waiting > 0 ? 1 : 0;
            sumCpu += Math.max(0, os.getCpuLoad());
            sumJvmCpu += Math.max(0, os.getProcessCpuLoad());
            if (db != null) {
                sampleDatabase();
            }
        } catch (RuntimeException | SQLException e) {
            // A probe's failure must not stop the benchmark; the summary says how many samples it has.
            samples--;
        }
    }

    /** The other active sessions of this database: on CPU ("running") or waiting, and on what. */
    private void sampleDatabase() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT coalesce(wait_event_type "
                + "|| ':' || wait_event, 'running'), count(*) FROM pg_stat_activity WHERE datname = "
                + "current_database() AND state = 'active' AND pid <> pg_backend_pid() GROUP BY 1")) {
            int backends = 0;
            while (r.next()) {
                waits.merge(r.getString(1), r.getInt(2), Integer::sum);
                backends += r.getInt(2);
            }
            sumBackends += backends;
            maxBackends = Math.max(maxBackends, backends);
        }
    }

    /** The summary lines of the phase (call after {@link #close()}). */
    synchronized java.util.List<String> summary(String prefix) {
        int n = Math.max(1, samples);
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format("%s CPU: machine %.0f%% busy on average (%d cores), this JVM (Seatwise and the "
                + "clients) %.0f%%; GC: %d collections, %d ms", prefix, 100 * sumCpu / n,
                os.getAvailableProcessors(), 100 * sumJvmCpu / n, gcCount() - gcCount0, gcMillis() - gcMillis0));
        lines.add(String.format("%s connection pool (max %d): in use avg %.1f, max %d; requests waiting for a "
                + "connection: max %d, avg %.2f, in %.0f%% of samples", prefix, poolSize, sumActive / (double) n,
                maxActive, maxWaiting, sumWaiting / (double) n, 100.0 * samplesWaiting / n));
        if (db != null) {
            int total = waits.values().stream().mapToInt(Integer::intValue).sum();
            String top = waits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(8).map(e -> String.format("%s %.0f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1,
                            total))).collect(Collectors.joining(", "));
            lines.add(String.format("%s PostgreSQL active sessions: avg %.2f, max %d; what they did: %s", prefix,
                    sumBackends / (double) n, maxBackends, total == 0 ? "(none seen)" : top));
        }
        return lines;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(c -> c > 0).sum();
    }

    @Override
    public void close() throws SQLException {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (db != null) {
            db.close();
        }
    }
}
