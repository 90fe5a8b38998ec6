package io.seatwise.licensing;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A stored change's results as CSV (with a BOM, for Excel), read a page at a time; the API and console share it. */
public final class LicenseChangeCsv {

    private LicenseChangeCsv() {
    }

    /** The file name a download is offered under. */
    public static String fileName(UUID changeId) {
        return "license-change-" + changeId + ".csv";
    }

    /** Writes every result of the change (which must be the customer's) and closes the writer. */
    public static void write(LicensingService licensing, CustomerId customer, UUID changeId, Writer writer)
            throws IOException {
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader("User id", "User name",
                "Display name", "Status", "Errors", "Licenses").get())) {
            int page = 0;
            PageResult<UserResult> results;
            do {
                results = licensing.results(customer, changeId, new PageRequest(page++, PageRequest.MAX_SIZE));
                for (UserResult r : results.items()) {
                    csv.printRecord(r.userId(), safe(r.userPrincipalName()), safe(r.displayName()),
                            r.succeeded() ? "succeeded" : "failed",
                            safe(String.join("; ", r.errors().stream().map(e -> e.code() + ": " + e.message())
                                    .toList())),
                            String.join(";", r.licenses().stream().map(SkuId::toString).toList()));
                }
            } while (results.hasNext());
        }
    }

    private static String safe(String value) {
        return io.seatwise.shared.CsvCells.safe(value);
    }
}
