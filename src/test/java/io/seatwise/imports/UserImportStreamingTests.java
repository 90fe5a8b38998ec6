package io.seatwise.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.imports.UserImportProblem.Code;
import io.seatwise.imports.UserImportValidator.Invalid;
import io.seatwise.imports.UserImportValidator.RowResult;
import io.seatwise.imports.UserImportValidator.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The file and the validator together, as the import service runs them: every problem of a file with its line and
 * column, and 100,000 rows streamed from a file that never exists in memory as a whole.
 */
class UserImportStreamingTests {

    static final SkuId E3 = SkuId.of("6fd2c87f-b296-42f0-b197-1e91e994b900");
    static final SkuId EMS = SkuId.of("efccb6f7-5641-4e0e-bd10-b4976e1bf68e");
    static final List<Product> PRODUCTS = List.of(new Product(E3, "ENTERPRISEPACK", "Office 365 E3"),
            new Product(EMS, "EMS", "Enterprise Mobility + Security E3"));
    static final Set<String> DOMAINS = Set.of("contoso.com");

    static List<RowResult> validate(byte[] file) {
        UserImportValidator validator = new UserImportValidator(DOMAINS, PRODUCTS);
        try (UserImportFile f = UserImportFile.open(new ByteArrayInputStream(file))) {
            return f.rows().map(validator::validate).toList();
        }
    }

    @Test
    void reportsEveryProblemOfAFileWithItsLineAndColumn() {
        String file = """
                Licenses;User name;First name;Last name;Display name;Usage location;Notes
                EMS;ann@contoso.com;Ann;Lee;;se;fine
                ;;Bob;;;;no user name
                ;carl@;Carl;;;;malformed
                ;ANN@contoso.com;Ann;;;;duplicate of line 2
                ;dee@fabrikam.com;Dee;;;;someone else's domain
                "Office 365 E3, Visio";eve@contoso.com;Eve;;;;unknown product
                ;fay@contoso.com;%s;;;;too long
                ;gus@contoso.com;Gus;;;Sweden;bad location
                ;"hal
                @contoso.com";Hal;;;;a user name across lines
                ;;;;;;
                ;;;;"";;only a note
                """.formatted("F".repeat(51));

        List<RowResult> results = validate(file.getBytes(StandardCharsets.UTF_8));

        assertThat(results).filteredOn(Valid.class::isInstance).extracting(RowResult::line).containsExactly(2L);
        assertThat(results).filteredOn(Invalid.class::isInstance)
                .flatExtracting(r -> ((Invalid) r).problems())
                .extracting(UserImportProblem::line, UserImportProblem::column, UserImportProblem::code)
                .containsExactly(
                        tuple(3L, UserImportColumn.USER_NAME, Code.MISSING_FIELD),
                        tuple(4L, UserImportColumn.USER_NAME, Code.MALFORMED_USER_NAME),
                        tuple(5L, UserImportColumn.USER_NAME, Code.DUPLICATE_IN_FILE),
                        tuple(6L, UserImportColumn.USER_NAME, Code.DOMAIN_NOT_OWNED),
                        tuple(7L, UserImportColumn.LICENSES, Code.UNKNOWN_PRODUCT),
                        tuple(8L, UserImportColumn.FIRST_NAME, Code.TOO_LONG),
                        tuple(9L, UserImportColumn.USAGE_LOCATION, Code.BAD_LOCATION),
                        // A line break in a user name: a character Seatwise refuses in any name (CleanText)
                        tuple(10L, UserImportColumn.USER_NAME, Code.INVALID_CHARACTERS),
                        tuple(13L, UserImportColumn.DISPLAY_NAME, Code.MISSING_FIELD),
                        tuple(13L, UserImportColumn.USER_NAME, Code.MISSING_FIELD));
    }

    @Test
    void streamsAHundredThousandRowsOfUtf8WithCommas(@TempDir Path dir) throws IOException {
        streamsAHundredThousandRows(dir, StandardCharsets.UTF_8, ',');
    }

    @Test
    void streamsAHundredThousandRowsOfExcelsUnicodeText(@TempDir Path dir) throws IOException {
        streamsAHundredThousandRows(dir, StandardCharsets.UTF_16LE, '\t');
    }

    /** The file is written to disk first, as an upload is, so the time is the import's alone. */
    void streamsAHundredThousandRows(Path dir, Charset charset, char separator) throws IOException {
        int rows = 100_000;
        Path upload = dir.resolve("users.csv");
        GeneratedFile generated = new GeneratedFile(rows, charset, separator);
        Files.copy(generated, upload);
        assertThat(Files.size(upload)).isEqualTo(generated.size);
        InputStream in = Files.newInputStream(upload);
        UserImportValidator validator = new UserImportValidator(DOMAINS, PRODUCTS);
        AtomicLong valid = new AtomicLong();
        List<UserImportProblem> problems = new ArrayList<>();
        List<WeakReference<UserImportRow>> early = new ArrayList<>();
        long usedBefore = usedHeap();
        long millis;
        boolean rowsCollected;

        long start = System.nanoTime();
        try (UserImportFile file = UserImportFile.open(in)) {
            file.rows().forEach(row -> {
                if (row.line() < 12) {
                    early.add(new WeakReference<>(row));
                }
                RowResult result = validator.validate(row);
                if (result instanceof Invalid invalid) {
                    problems.addAll(invalid.problems());
                } else {
                    valid.incrementAndGet();
                }
            });
            millis = (System.nanoTime() - start) / 1_000_000;
            // Still open, the validator still in use: neither may hold on to the rows.
            System.gc();
            rowsCollected = early.stream().allMatch(r -> r.get() == null);
        }
        System.out.printf("UserImport: %,d rows (%,d bytes of %s, separator %s) read and validated in %,d ms; "
                + "heap grew by %,d KiB (the validator's user names included)%n", rows, generated.size, charset,
                separator == '\t' ? "tab" : separator, millis, (usedHeap() - usedBefore) / 1024);

        assertThat(early).hasSize(10);
        assertThat(rowsCollected).as("rows already read are not kept").isTrue();
        assertThat(valid.get() + problems.stream().map(UserImportProblem::line).distinct().count()).isEqualTo(rows);
        assertThat(problems).filteredOn(p -> p.code() == Code.DUPLICATE_IN_FILE).hasSize((rows - 1) / 1000)
                .allSatisfy(p -> assertThat(p.message()).endsWith("is already on line 2"));
        assertThat(problems).filteredOn(p -> p.code() == Code.UNKNOWN_PRODUCT).hasSize((rows - 1) / 997);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /**
     * A users file made row by row as it is read, never held in memory as a whole: every
     * 1,000th row repeats the first user, every 997th names a product the customer lacks, and names have accents.
     */
    static final class GeneratedFile extends InputStream {

        private final int rows;
        private final Charset charset;
        private final char separator;
        final long size;
        long served;
        private int next = -1;
        private byte[] chunk = new byte[0];
        private int position;

        GeneratedFile(int rows, Charset charset, char separator) {
            this.rows = rows;
            this.charset = charset;
            this.separator = separator;
            long total = 0;
            for (int i = -1; i < rows; i++) {
                total += line(i).length;
            }
            this.size = total;
        }

        private byte[] line(int i) {
            String text;
            if (i < 0) {
                String bom = charset.equals(StandardCharsets.UTF_8) ? "" : "\ufeff";
                text = bom + String.join(String.valueOf(separator), "First name", "Last name", "Display name",
                        "User name", "Usage location", "Licenses");
            } else {
                String user = i > 0 && i % 1000 == 0 ? "user0@contoso.com" : "user" + i + "@contoso.com";
                String licenses = i > 0 && i % 997 == 0 ? "VISIO" : i % 2 == 0 ? "ENTERPRISEPACK;EMS" : "Office 365 E3";
                text = String.join(String.valueOf(separator), "Zoë" + i, "Ångström", "Zoë Ångström " + i, user,
                        i % 3 == 0 ? "" : "se", licenses);
            }
            return (text + "\r\n").getBytes(charset);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (position == chunk.length) {
                if (next >= rows) {
                    return -1;
                }
                chunk = line(next++);
                position = 0;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            served += n;
            return n;
        }
    }
}
