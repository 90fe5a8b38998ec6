package io.seatwise.bench;

import java.io.File;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.seatwise.access.SystemActor;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.licensing.LicenseChangeResult;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.users.UserFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * targets.md M1: one license change over 1,000,000 users (selected by filter: explicit ids stop at 100,000) in a JVM
 * whose heap is limited to 512 MB, and the heap it used meanwhile. The work must stream: nothing may hold all users
 * at once. Run: {@code ./mvnw -Pbenchmark -DskipTests test -Dbench.m1=true} (options: -Dbench.m1Users,
 * -Dbench.m1Heap=512m, -Dbench.db=postgres). The Maven goal runs benchmarks inside Maven's own JVM, so this program
 * starts itself again in a JVM of its own with {@code -Xmx} set (and a GC log in target/m1-gc.log). PostgreSQL
 * only by default: an in-memory H2 would keep the whole database in the same heap.
 */
public final class LicensingMemoryBenchmark {

    private static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static final String CHILD = "bench.m1.child";

    private LicensingMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(CHILD) == null) {
            System.exit(fork());
        }
        int users = Integer.getInteger("bench.m1Users", 1_000_000);
        if (System.getProperty("bench.db") == null) {
            System.setProperty("bench.db", "postgres");
        }
        List<String> report = BenchSupport.onEachDatabase((db, app) -> run(db, app, users),
                "--logging.level.io.seatwise.licensing=" + System.getProperty("bench.log", "WARN"));
        System.out.println();
        System.out.println("=== Licensing memory benchmark (targets.md M1), " + users + " users, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB ===");
        report.forEach(System.out::println);
    }

    /** Starts this program in a JVM of its own with the heap limit; answers its exit code. */
    private static int fork() throws Exception {
        String heap = System.getProperty("bench.m1Heap", "512m");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-Xlog:gc:file=target/m1-gc.log", "-D" + CHILD + "=true"));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("bench.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        System.out.println("M1: starting " + String.join(" ", command) + " -cp … "
                + LicensingMemoryBenchmark.class.getName());
        command.addAll(List.of("-cp", classPath(), LicensingMemoryBenchmark.class.getName()));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** The classpath this program was loaded from (Maven's exec plugin loads it with a class loader of its own). */
    private static String classPath() throws URISyntaxException {
        if (LicensingMemoryBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (var url : loader.getURLs()) {
                entries.add(Paths.get(url.toURI()).toString());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static List<String> run(String db, ConfigurableApplicationContext app, int n) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        LicensingService licensing = app.getBean(LicensingService.class);
        CustomersService customers = app.getBean(CustomersService.class);
        String domain = "m1" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Customer customer = SystemActor.call(() -> customers.create(new NewCustomer("M1", "SE", List.of(domain))));
        SystemActor.run(() -> customers.addSubscription(customer.id(), E3, n + 1000));
        long t = System.nanoTime();
        BenchSupport.insertUsers(jdbc, customer.id().value(), domain, n, false);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s M1 %d users inserted in %.0f s", db, n, (System.nanoTime() - t) / 1e9));
        Selection all = new Selection.Matching(new UserFilter(UserFilter.Type.ALL, null, null));
        lines.add(measure(db, "give 1 product to every user (apply)", n, () -> SystemActor.call(() ->
                licensing.apply(customer.id(), all, new LicenseChangeSpec(Map.of(E3, Set.of()), Set.of())))));
        int active = jdbc.queryForObject("SELECT count(*) FROM license_assignment WHERE customer_id = ? "
                + "AND sku_id = ? AND state = 'ACTIVE'", Integer.class, customer.id().value(), E3.value());
        lines.add(String.format("%s M1 afterwards: %d active assignments", db, active));
        lines.add(measure(db, "preview of taking it back", n, () -> SystemActor.call(() ->
                licensing.preview(customer.id(), all, new LicenseChangeSpec(Map.of(), Set.of(E3))))));
        lines.add(measure(db, "take it back from every user (apply)", n, () -> SystemActor.call(() ->
                licensing.apply(customer.id(), all, new LicenseChangeSpec(Map.of(), Set.of(E3))))));
        return lines;
    }

    /** Runs one change while sampling the heap; reports time, peak heap used and the most the heap kept live. */
    private static String measure(String db, String what, int expected, Supplier<LicenseChangeResult> change) {
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong peakUsed = new AtomicLong(before);
        AtomicLong peakAfterGc = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        Set<String> heapNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        var listener = afterGc(heapNames, peakAfterGc, collections);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                peakUsed.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long t = System.nanoTime();
        String outcome;
        try {
            LicenseChangeResult result = change.get();
            outcome = result.selected() == expected ? "completed, " + result.succeeded() + " succeeded"
                    : "WRONG: " + result.selected() + " users selected";
        } catch (OutOfMemoryError e) {
            outcome = "FAILED: " + e;
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        sampler.interrupt();
        listener.run();
        long poolPeaks = heapPools.stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
        return String.format("%s M1 %s, %d users: %s in %.1f s; heap used before %d MB, peak used %d MB (sum of "
                + "pool peaks %d MB), most kept after a GC %d MB over %d collections; max heap %d MB", db, what,
                expected, outcome, seconds, mb(before), mb(peakUsed.get()), mb(poolPeaks), mb(peakAfterGc.get()),
                collections.get(), mb(Runtime.getRuntime().maxMemory()));
    }

    /** Listens to the collectors: the heap in use right after each collection (what was still reachable). */
    private static Runnable afterGc(Set<String> heapPools, AtomicLong peakAfterGc, AtomicLong collections) {
        List<Runnable> removals = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                javax.management.NotificationListener listener = (notification, handback) -> {
                    String type = notification.getType();
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(type)) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPools.contains(e.getKey()))
                                .mapToLong(e -> e.getValue().getUsed()).sum();
                        peakAfterGc.accumulateAndGet(after, Math::max);
                        collections.incrementAndGet();
                    }
                };
                emitter.addNotificationListener(listener, null, null);
                removals.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
        return () -> removals.forEach(Runnable::run);
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
