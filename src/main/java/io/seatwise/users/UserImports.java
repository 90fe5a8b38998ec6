package io.seatwise.users;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.Subscription;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.TemporaryPasswords;
import io.seatwise.users.UserEvents.UsersImported;
import io.seatwise.users.UserImportValidator.Invalid;
import io.seatwise.users.UserImportValidator.RowResult;
import io.seatwise.users.UserImportValidator.Valid;
import io.seatwise.users.UserLicenses.LicenseRequest;
import io.seatwise.users.UserLicenses.NewUserLicenses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import users from a CSV file (product.md, "Import users"). The file is read twice, streaming, never held whole:
 * first every row is validated (its own rules, duplicates in the file, user names that exist already — checked
 * against the database a thousand at a time), which gives the report; then, unless only validation was asked for,
 * the valid rows are created in batches with temporary passwords (sealed into a password sheet as they go) and
 * their licenses given through the licensing engine. Re-importing the same file creates nobody twice: every row
 * is then "already exists".
 */
@Service
@Transactional
public class UserImports {

    /**
     * The validation report, and what was created: {@code problems} are the first {@link #KEPT_PROBLEMS} by line,
     * {@code problemCount} all of them (a file of a million bad rows must not become a million objects).
     */
    public record Report(int rows, int valid, boolean createdRows, int created, int problemCount,
            List<UserImportProblem> problems, UUID passwordSheetId, List<NewUserLicenses> licenseChanges) {

        public int rejected() {
            return rows - valid;
        }
    }

    /** At most this many problems are kept in a report; the count says how many there were in all. */
    public static final int KEPT_PROBLEMS = 1_000;

    static final int BATCH = 2_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserImports.class);

    private final UserRepository repository;
    private final CustomersService customers;
    private final CatalogService catalog;
    private final UserLicenses licenses;
    private final TemporaryPasswords passwords;
    private final PasswordSheets sheets;
    private final ApplicationEventPublisher events;

    UserImports(UserRepository repository, CustomersService customers, CatalogService catalog, UserLicenses licenses,
            TemporaryPasswords passwords, PasswordSheets sheets, ApplicationEventPublisher events) {
        this.repository = repository;
        this.customers = customers;
        this.catalog = catalog;
        this.licenses = licenses;
        this.passwords = passwords;
        this.sheets = sheets;
        this.events = events;
    }

    /** The template to fill in, in the language of the console. */
    @PreAuthorize("hasAuthority('users:read')")
    public byte[] template(CustomerId customer, Locale locale) {
        customers.require(customer);
        return UserImportTemplate.csv(locale);
    }

    /**
     * What an import has done so far, told from the importing thread (for the console's progress page): rows
     * checked, then users written. The writes are one transaction: nobody sees the users until the import ends.
     */
    public interface Progress {

        Progress NONE = new Progress() {
        };

        default void checked(int rows) {
        }

        /** Every row is checked: {@code valid} of {@code rows} will be created. */
        default void validated(int rows, int valid) {
        }

        default void created(int users) {
        }

        /** Every user is written; their licenses are being given: {@code done} of {@code users} so far. */
        default void licensing(int done, int users) {
        }
    }

    /**
     * Validates the file and, when {@code create} is set, creates its valid rows. A file that cannot be read at
     * all (no header, a missing column, broken quoting, bytes of no known encoding) is refused whole with a
     * {@link UserImportFileException} naming the line, and nothing is created.
     */
    @PreAuthorize("hasAuthority('users:write')")
    public Report importUsers(CustomerId customerId, InputStreamSource file, boolean create) {
        return importUsers(customerId, file, create, Progress.NONE);
    }

    /** As {@link #importUsers(CustomerId, InputStreamSource, boolean)}, telling {@code progress} as it goes. */
    @PreAuthorize("hasAuthority('users:write')")
    public Report importUsers(CustomerId customerId, InputStreamSource file, boolean create, Progress progress) {
        Customer customer = customers.require(customerId);
        List<Product> products = customers.subscriptions(customerId).stream().map(Subscription::skuId)
                .map(catalog::findProduct).flatMap(java.util.Optional::stream).toList();

        long started = System.nanoTime();
        // Pass 1: validate everything, remember the lines that are refused.
        FirstProblems problems = new FirstProblems(KEPT_PROBLEMS);
        BitSet refused = new BitSet();
        int[] rows = {0};
        try (UserImportFile csv = UserImportFile.open(open(file))) {
            UserImportValidator validator = new UserImportValidator(customer.domains(), products);
            Map<String, Long> pending = new LinkedHashMap<>();
            csv.rows().forEach(row -> {
                if (++rows[0] % 1_000 == 0) {
                    progress.checked(rows[0]);
                }
                RowResult result = validator.validate(row);
                if (result instanceof Invalid invalid) {
                    invalid.problems().forEach(problems::add);
                    refused.set(lineIndex(invalid.line()));
                } else if (result instanceof Valid valid) {
                    pending.put(valid.user().userPrincipalName().toLowerCase(Locale.ROOT), valid.line());
                    if (pending.size() == 1_000) {
                        alreadyExisting(pending, problems, refused);
                    }
                }
            });
            alreadyExisting(pending, problems, refused);
        }
        progress.checked(rows[0]);
        int valid = rows[0] - refused.cardinality();
        progress.validated(rows[0], valid);
        if (!create || valid == 0) {
            return new Report(rows[0], valid, false, 0, problems.count(), problems.first(), null, List.of());
        }

        long validated = System.nanoTime();
        // Pass 2: create the valid rows, a batch at a time. A second thread reads, checks and prepares the batches
        // (passwords and their hashes) while this one, which holds the transaction, writes the previous batch.
        UUID sheet = sheets.open(customerId);
        Map<UserId, List<LicenseRequest>> requested = new LinkedHashMap<>();
        int created = 0;
        long[] nanos = new long[3];
        BlockingQueue<Prepared> queue = new ArrayBlockingQueue<>(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> prepareBatches(file, customer, products, refused, queue, failure, nanos),
                "seatwise-import-reader");
        reader.setDaemon(true);
        reader.start();
        progress.created(0);
        try {
            for (Prepared batch = take(queue); batch != Prepared.END; batch = take(queue)) {
                long t = System.nanoTime();
                try {
                    repository.insertAll(batch.inserts());
                } catch (DuplicateKeyException raced) {
                    throw DomainException.conflict("user-name-taken", "file",
                            "a user name of the file was taken while importing; nothing was created, import again");
                }
                long t2 = System.nanoTime();
                nanos[1] += t2 - t;
                sheets.add(customerId, sheet, batch.entries());
                nanos[2] += System.nanoTime() - t2;
                requested.putAll(batch.licenses());
                created += batch.inserts().size();
                progress.created(created);
            }
        } finally {
            reader.interrupt();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the import file could not be read a second time", failure.get());
        }
        long inserted = System.nanoTime();
        int licensing = requested.size();
        progress.licensing(0, licensing);
        List<NewUserLicenses> changes = requested.isEmpty() ? List.of()
                : licenses.assignToNewUsers(customerId, requested, done -> progress.licensing(done, licensing));
        log.debug("import of {} rows: validated in {} ms, {} users created in {} ms (passwords {} ms, users {} ms, "
                + "sheet {} ms; on the reader thread), licenses in {} ms", rows[0], (validated - started) / 1_000_000, created,
                (inserted - validated) / 1_000_000, nanos[0] / 1_000_000, nanos[1] / 1_000_000,
                nanos[2] / 1_000_000, (System.nanoTime() - inserted) / 1_000_000);
        int licensed = changes.stream().mapToInt(NewUserLicenses::succeeded).sum();
        events.publishEvent(new UsersImported(customerId, created, rows[0] - valid, licensed));
        return new Report(rows[0], valid, true, created, problems.count(), problems.first(), sheet, changes);
    }

    /** A file's line as an index of the refused lines (a file within the upload limit has far fewer). */
    private static int lineIndex(long line) {
        return Math.toIntExact(line);
    }

    /**
     * The first problems of a file by line, and how many there were: "already exists" comes up to a thousand rows
     * after the row's own problems, so the kept ones are the lowest lines seen, not the first told.
     */
    private static final class FirstProblems {

        private final int keep;
        private final java.util.PriorityQueue<UserImportProblem> lowest;
        private long order;
        private final Map<UserImportProblem, Long> told = new java.util.IdentityHashMap<>();
        private int count;

        FirstProblems(int keep) {
            this.keep = keep;
            // The highest line (the latest told of a line) on top, to be dropped first
            this.lowest = new java.util.PriorityQueue<>(java.util.Comparator
                    .comparingLong(UserImportProblem::line).thenComparingLong(told::get).reversed());
        }

        void add(UserImportProblem problem) {
            count++;
            if (lowest.size() == keep && problem.line() >= lowest.peek().line()) {
                return;
            }
            told.put(problem, order++);
            lowest.add(problem);
            if (lowest.size() > keep) {
                told.remove(lowest.poll());
            }
        }

        int count() {
            return count;
        }

        List<UserImportProblem> first() {
            List<UserImportProblem> sorted = new ArrayList<>(lowest);
            sorted.sort(java.util.Comparator.comparingLong(UserImportProblem::line).thenComparingLong(told::get));
            return sorted;
        }
    }

    private void alreadyExisting(Map<String, Long> pending, FirstProblems problems, BitSet refused) {
        if (pending.isEmpty()) {
            return;
        }
        for (String taken : repository.takenNames(List.copyOf(pending.keySet()))) {
            long line = pending.get(taken);
            problems.add(UserImportProblem.alreadyExists(line, taken));
            refused.set(lineIndex(line));
        }
        pending.clear();
    }

    /** A batch ready to write: the users with their password hashes, their sheet lines, their licenses. */
    private record Prepared(List<UserRepository.Insert> inserts, PasswordSheets.Sealed entries,
            Map<UserId, List<LicenseRequest>> licenses) {

        static final Prepared END = new Prepared(List.of(), new PasswordSheets.Sealed(0, List.of()), Map.of());
    }

    /**
     * The reader thread of pass 2: reads the file again, keeps the rows pass 1 found valid and prepares them in
     * batches; always ends the queue with {@link Prepared#END} (unless the writer gave up and interrupted it).
     */
    private void prepareBatches(InputStreamSource file, Customer customer, List<Product> products, BitSet refused,
            BlockingQueue<Prepared> queue, AtomicReference<Throwable> failure, long[] nanos) {
        try (UserImportFile csv = UserImportFile.open(open(file))) {
            UserImportValidator validator = new UserImportValidator(customer.domains(), products);
            List<Valid> batch = new ArrayList<>(BATCH);
            java.util.Iterator<UserImportRow> rows = csv.rows().iterator();
            while (rows.hasNext()) {
                if (validator.validate(rows.next()) instanceof Valid v && !refused.get(lineIndex(v.line()))) {
                    batch.add(v);
                    if (batch.size() == BATCH) {
                        queue.put(prepare(customer, batch, nanos));
                        batch = new ArrayList<>(BATCH);
                    }
                }
            }
            if (!batch.isEmpty()) {
                queue.put(prepare(customer, batch, nanos));
            }
            queue.put(Prepared.END);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.set(e);
            queue.offer(Prepared.END);
        }
    }

    private Prepared prepare(Customer customer, List<Valid> batch, long[] nanos) {
        long t = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(passwords.validity());
        List<UserRepository.Insert> inserts = new ArrayList<>(batch.size());
        List<PasswordSheets.Entry> entries = new ArrayList<>(batch.size());
        Map<UserId, List<LicenseRequest>> licensed = new LinkedHashMap<>();
        // The same license list for every row that names the same licenses (the engine groups users by it).
        Map<List<io.seatwise.catalog.SkuId>, List<LicenseRequest>> lists = new java.util.HashMap<>();
        for (Valid v : batch) {
            NewUser n = v.user();
            User user = new User(UserId.generate(), customer.id(), n.userPrincipalName(), n.firstName(),
                    n.lastName(), n.displayName(), n.usageLocation() == null ? customer.country()
                    : n.usageLocation(), n.directoryRole(), false, now, null);
            String password = passwords.generate();
            inserts.add(new UserRepository.Insert(user, passwords.hash(password), expires));
            entries.add(new PasswordSheets.Entry(user.userPrincipalName(), user.displayName(), password));
            if (!v.licenses().isEmpty()) {
                licensed.put(user.id(), lists.computeIfAbsent(v.licenses(),
                        l -> l.stream().map(s -> new LicenseRequest(s, Set.of())).toList()));
            }
        }
        PasswordSheets.Sealed sealed = sheets.seal(entries);
        nanos[0] += System.nanoTime() - t;
        return new Prepared(inserts, sealed, licensed);
    }

    private static Prepared take(BlockingQueue<Prepared> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    private static InputStream open(InputStreamSource file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
