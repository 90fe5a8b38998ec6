package io.seatwise.licensing;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.CsvCells;
import io.seatwise.shared.PageResult;

/**
 * A stored change's results as CSV (with a BOM, for Excel), read a page at a time. The API writes it in English
 * with error codes (stable for scripts, {@link #ENGLISH}); the console in the page's language, in words.
 */
public final class LicenseChangeCsv {

    /** How the cells read: the column names, a result's status, why it failed and its licenses. */
    public interface Words {

        List<String> header();

        String status(UserResult result);

        String errors(UserResult result);

        String licenses(UserResult result);
    }

    /** English column names, {@code succeeded}/{@code failed}, {@code code: message} errors and sku ids. */
    public static final Words ENGLISH = new Words() {
        @Override
        public List<String> header() {
            return List.of("User id", "User name", "Display name", "Status", "Errors", "Licenses");
        }

        @Override
        public String status(UserResult r) {
            return r.succeeded() ? "succeeded" : "failed";
        }

        @Override
        public String errors(UserResult r) {
            return String.join("; ", r.errors().stream().map(e -> e.code() + ": " + e.message()).toList());
        }

        @Override
        public String licenses(UserResult r) {
            return String.join(";", r.licenses().stream().map(SkuId::toString).toList());
        }
    };

    private LicenseChangeCsv() {
    }

    /** The file name a download is offered under. */
    public static String fileName(UUID changeId) {
        return "license-change-" + changeId + ".csv";
    }

    /** Writes every result of the change (which must be the customer's) in English and closes the writer. */
    public static void write(LicensingService licensing, CustomerId customer, UUID changeId, Writer writer)
            throws IOException {
        write(licensing, customer, changeId, writer, ENGLISH);
    }

    /** Writes every result of the change (which must be the customer's) in these words and closes the writer. */
    public static void write(LicensingService licensing, CustomerId customer, UUID changeId, Writer writer,
            Words words) throws IOException {
        try (CsvCells.Sheet csv = CsvCells.excel(writer, words.header())) {
            int page = 0;
            PageResult<UserResult> results;
            do {
                results = licensing.results(customer, changeId, new PageRequest(page++, PageRequest.MAX_SIZE));
                for (UserResult r : results.items()) {
                    csv.row(r.userId(), r.userPrincipalName(), r.displayName(), words.status(r), words.errors(r),
                            words.licenses(r));
                }
            } while (results.hasNext());
        }
    }

}
