package io.seatwise.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.seatwise.access.SystemActor;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.imports.UserImports;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.InputStreamSource;

/**
 * targets.md B2 on H2 and PostgreSQL: import one CSV file of N rows (default 100,000; every row with a license, so
 * temporary passwords, the password sheet and the licensing engine are all in it) through the import service,
 * beside the baseline measured in the same run: the same number of users in files of 100 rows, one after the
 * other, the way Partner Center forces it (sampled and projected when N is large).
 * Run: {@code ./mvnw -Pbenchmark -DskipTests test -Dbench.main=io.seatwise.bench.UsersImportBenchmark}
 * (options: -Dbench.users=100000 -Dbench.db=h2,postgres -Dbench.smallFiles=100).
 */
public final class UsersImportBenchmark {

    private static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");

    private UsersImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.users", 100_000);
        int smallFiles = Integer.getInteger("bench.smallFiles", 100);
        List<String> report = BenchSupport.onEachDatabase((db, app) -> run(db, app, rows, smallFiles),
                "--logging.level.io.seatwise=" + System.getProperty("bench.log", "WARN"));
        System.out.println();
        System.out.println("=== Import benchmark (targets.md B2), " + rows + " rows ===");
        report.forEach(System.out::println);
    }

    private static List<String> run(String db, ConfigurableApplicationContext app, int n, int smallFiles)
            throws IOException {
        UserImports imports = app.getBean(UserImports.class);
        CustomersService customers = app.getBean(CustomersService.class);
        String domain = "import" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Customer customer = SystemActor.call(() -> customers.create(new NewCustomer("Import", "SE",
                List.of(domain))));
        SystemActor.run(() -> customers.addSubscription(customer.id(), E3, n + 100 * smallFiles));
        List<String> lines = new ArrayList<>();

        Path big = Files.createTempFile("seatwise-import", ".csv");
        try {
            write(big, domain, "big", 0, n);
            long size = Files.size(big);
            long t = System.nanoTime();
            UserImports.Report report = SystemActor.call(() -> imports.importUsers(customer.id(), source(big),
                    true));
            double one = (System.nanoTime() - t) / 1e9;
            if (report.created() != n || report.licenseChanges().get(0).succeeded() != n) {
                throw new IllegalStateException("created " + report.created() + " of " + n);
            }

            // Baseline: 100-row files one after the other.
            List<Path> small = new ArrayList<>();
            for (int f = 0; f < smallFiles; f++) {
                Path p = Files.createTempFile("seatwise-import-small", ".csv");
                write(p, domain, "small", f * 100, 100);
                small.add(p);
            }
            t = System.nanoTime();
            for (Path p : small) {
                UserImports.Report r = SystemActor.call(() -> imports.importUsers(customer.id(), source(p), true));
                if (r.created() != 100) {
                    throw new IllegalStateException("small file created " + r.created());
                }
            }
            double perFile = (System.nanoTime() - t) / 1e9 / smallFiles;
            for (Path p : small) {
                Files.deleteIfExists(p);
            }
            double projected = perFile * n / 100.0;
            lines.add(String.format("%s B2 one file of %d rows (%.1f MB, a license each): %.2f s, %.0f rows/s",
                    db, n, size / 1e6, one, n / one));
            lines.add(String.format("%s B2 baseline 100-row files: %.0f ms per file over %d files, projected %.1f s "
                    + "for %d rows as %d files = %.1f× the one-file import", db, perFile * 1000, smallFiles,
                    projected, n, n / 100, projected / one));
        } finally {
            Files.deleteIfExists(big);
        }
        lines.forEach(System.out::println);
        return lines;
    }

    private static void write(Path file, String domain, String prefix, int first, int rows) throws IOException {
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("First name,Last name,Display name,User name,Usage location,Licenses\n");
            for (int i = first; i < first + rows; i++) {
                out.write("First" + i + ",Last" + i + ",User " + i + "," + prefix + i + "@" + domain + ",SE,SPE_E3\n");
            }
        }
    }

    private static InputStreamSource source(Path file) {
        return () -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
