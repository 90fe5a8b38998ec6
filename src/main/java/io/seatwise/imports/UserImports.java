package io.seatwise.imports;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.Subscription;
import io.seatwise.imports.UserImportValidator.Invalid;
import io.seatwise.imports.UserImportValidator.RowResult;
import io.seatwise.imports.UserImportValidator.Valid;
import io.seatwise.passwordsheets.PasswordSheets;
import io.seatwise.users.UserCreation;
import io.seatwise.users.UserLicenses.NewUserLicenses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import users from a CSV file (product.md, "Import users"). The file is read twice, streaming, never held whole:
 * first every row is validated (its own rules, duplicates in the file, user names that exist already — checked
 * against the database a thousand at a time), which gives the report; then, unless only validation was asked for,
 * the valid rows are created in batches with temporary passwords (sealed into a password sheet as they go, see
 * {@link ImportCreation}) and their licenses given through the licensing engine, all in one transaction. Re-importing
 * the same file creates nobody twice: every row is then "already exists".
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

    private static final Logger log = LoggerFactory.getLogger(UserImports.class);

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

    /** Pass 1's findings: the rows, the lines refused, the problems. */
    private record Checked(int rows, BitSet refused, FirstProblems problems) {

        int valid() {
            return rows - refused.cardinality();
        }
    }

    private final CustomersService customers;
    private final CatalogService catalog;
    private final UserCreation creation;
    private final ImportCreation importCreation;
    private final PasswordSheets sheets;
    private final ApplicationEventPublisher events;

    UserImports(CustomersService customers, CatalogService catalog, UserCreation creation,
            ImportCreation importCreation, PasswordSheets sheets, ApplicationEventPublisher events) {
        this.customers = customers;
        this.catalog = catalog;
        this.creation = creation;
        this.importCreation = importCreation;
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
                .map(catalog::findProduct).flatMap(Optional::stream).toList();
        long started = System.nanoTime();
        Checked checked = check(customer, products, file, progress);
        int rows = checked.rows();
        int valid = checked.valid();
        progress.validated(rows, valid);
        FirstProblems problems = checked.problems();
        if (!create || valid == 0) {
            return new Report(rows, valid, false, 0, problems.count(), problems.first(), null, List.of());
        }
        long validated = System.nanoTime();
        UUID sheet = sheets.open(customerId);
        ImportCreation.Created created = importCreation.create(customer, products, file, checked.refused(), sheet,
                progress);
        long inserted = System.nanoTime();
        int licensing = created.licenses().size();
        progress.licensing(0, licensing);
        List<NewUserLicenses> changes = creation.license(customerId, created.licenses(),
                done -> progress.licensing(done, licensing));
        log.debug("import of {} rows: validated in {} ms, {} users created in {} ms, licenses in {} ms", rows,
                (validated - started) / 1_000_000, created.users(), (inserted - validated) / 1_000_000,
                (System.nanoTime() - inserted) / 1_000_000);
        int licensed = changes.stream().mapToInt(NewUserLicenses::succeeded).sum();
        events.publishEvent(new UsersImported(customerId, created.users(), rows - valid, licensed));
        return new Report(rows, valid, true, created.users(), problems.count(), problems.first(), sheet, changes);
    }

    /** Pass 1: validates every row and remembers the lines that are refused. */
    private Checked check(Customer customer, List<Product> products, InputStreamSource file, Progress progress) {
        FirstProblems problems = new FirstProblems(KEPT_PROBLEMS);
        BitSet refused = new BitSet();
        int[] rows = {0};
        try (UserImportFile csv = UserImportFile.open(ImportCreation.open(file))) {
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
        return new Checked(rows[0], refused, problems);
    }

    private void alreadyExisting(Map<String, Long> pending, FirstProblems problems, BitSet refused) {
        if (pending.isEmpty()) {
            return;
        }
        for (String taken : creation.takenUserNames(List.copyOf(pending.keySet()))) {
            long line = pending.get(taken);
            problems.add(UserImportProblem.alreadyExists(line, taken));
            refused.set(lineIndex(line));
        }
        pending.clear();
    }

    /** A file's line as an index of the refused lines (a file within the upload limit has far fewer). */
    static int lineIndex(long line) {
        return Math.toIntExact(line);
    }
}
