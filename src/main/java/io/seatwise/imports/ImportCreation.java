package io.seatwise.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.imports.UserImportValidator.Valid;
import io.seatwise.passwordsheets.PasswordSheets;
import io.seatwise.shared.DomainException;
import io.seatwise.users.CreatedUser;
import io.seatwise.users.PreparedUsers;
import io.seatwise.users.UserCreation;
import io.seatwise.users.UserId;
import io.seatwise.users.UserLicenses.LicenseRequest;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Pass 2 of an import: the file is read again, the rows pass 1 found valid are kept and created {@value #BATCH} at a
 * time through {@link UserCreation} (the users module's one way to create users), each batch's passwords added,
 * sealed, to the import's password sheet. A reader thread ({@link ImportReaders}) reads, checks and prepares the next
 * batches (ids, passwords and their hashes, the sealed sheet lines) while the calling thread, which holds the
 * import's transaction, writes the one before: at most two batches wait between them.
 */
@Component
class ImportCreation {

    static final int BATCH = 2_000;

    /** What was created: how many users, and the licenses each asked for (given afterwards, in one change). */
    record Created(int users, Map<UserId, List<LicenseRequest>> licenses) {
    }

    /** A batch ready to write: the users prepared, their sheet lines sealed, their licenses. */
    private record Batch(PreparedUsers users, PasswordSheets.Sealed lines, Map<UserId, List<LicenseRequest>> licenses) {

        static final Batch END = new Batch(null, null, Map.of());
    }

    private interface Sink {
        void accept(Batch batch) throws InterruptedException;
    }

    private final UserCreation creation;
    private final PasswordSheets sheets;
    private final ImportReaders readers;

    ImportCreation(UserCreation creation, PasswordSheets sheets, ImportReaders readers) {
        this.creation = creation;
        this.sheets = sheets;
        this.readers = readers;
    }

    /** Creates the rows of the file that are valid and not {@code refused}, onto {@code sheet}. */
    Created create(Customer customer, List<Product> products, InputStreamSource file, BitSet refused, UUID sheet,
            UserImports.Progress progress) {
        Map<UserId, List<LicenseRequest>> licenses = new LinkedHashMap<>();
        int[] created = {0};
        Sink write = batch -> {
            try {
                creation.create(batch.users());
            } catch (DomainException e) {
                throw "user-name-taken".equals(e.type()) ? DomainException.conflict("user-name-taken", "file",
                        "a user name of the file was taken while importing; nothing was created, import again") : e;
            }
            sheets.add(customer.id(), sheet, batch.lines());
            licenses.putAll(batch.licenses());
            created[0] += batch.users().size();
            progress.created(created[0]);
        };
        progress.created(0);
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Future<?> reader = readers.start(() -> readAhead(customer, products, file, refused, queue, failure));
        try {
            if (reader == null) {
                read(customer, products, file, refused, write);
            } else {
                for (Batch batch = queue.take(); batch != Batch.END; batch = queue.take()) {
                    write.accept(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } finally {
            if (reader != null) {
                reader.cancel(true);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the import file could not be read a second time", failure.get());
        }
        return new Created(created[0], licenses);
    }

    /** The reader thread: always ends the queue with {@link Batch#END}, unless the writer gave up and stopped it. */
    private void readAhead(Customer customer, List<Product> products, InputStreamSource file, BitSet refused,
            BlockingQueue<Batch> queue, AtomicReference<Throwable> failure) {
        try {
            read(customer, products, file, refused, queue::put);
            queue.put(Batch.END);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.set(e);
            queue.offer(Batch.END);
        }
    }

    private void read(Customer customer, List<Product> products, InputStreamSource file, BitSet refused, Sink sink)
            throws InterruptedException {
        try (UserImportFile csv = UserImportFile.open(open(file))) {
            UserImportValidator validator = new UserImportValidator(customer.domains(), products);
            List<Valid> batch = new ArrayList<>(BATCH);
            Iterator<UserImportRow> rows = csv.rows().iterator();
            while (rows.hasNext()) {
                if (validator.validate(rows.next()) instanceof Valid v && !refused.get(UserImports.lineIndex(v.line()))) {
                    batch.add(v);
                    if (batch.size() == BATCH) {
                        sink.accept(prepare(customer, batch));
                        batch = new ArrayList<>(BATCH);
                    }
                }
            }
            if (!batch.isEmpty()) {
                sink.accept(prepare(customer, batch));
            }
        }
    }

    private Batch prepare(Customer customer, List<Valid> batch) {
        PreparedUsers prepared = creation.prepare(customer, batch.stream().map(Valid::user).toList());
        List<PasswordSheets.Entry> lines = new ArrayList<>(batch.size());
        Map<UserId, List<LicenseRequest>> licensed = new LinkedHashMap<>();
        // The same license list for every row that names the same licenses (the engine groups users by it).
        Map<List<SkuId>, List<LicenseRequest>> lists = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            CreatedUser user = prepared.users().get(i);
            lines.add(new PasswordSheets.Entry(user.user().userPrincipalName(), user.user().displayName(),
                    user.temporaryPassword()));
            List<SkuId> skus = batch.get(i).licenses();
            if (!skus.isEmpty()) {
                licensed.put(user.user().id(), lists.computeIfAbsent(skus,
                        l -> l.stream().map(s -> new LicenseRequest(s, Set.of())).toList()));
            }
        }
        return new Batch(prepared, sheets.seal(lines), licensed);
    }

    static InputStream open(InputStreamSource file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
