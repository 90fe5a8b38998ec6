package io.seatwise.users;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.seatwise.catalog.Product;
import io.seatwise.users.UserImportValidator.Invalid;
import io.seatwise.users.UserImportValidator.RowResult;
import io.seatwise.users.UserImportValidator.Valid;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes uploaded as a users import file end as rows that are each valid or refused with their problems, or as
 * one {@link UserImportFileException} naming the line: never another exception, and the same outcome when the file
 * is read a second time (the import reads it twice, trusting the first pass's verdicts in the second).
 *
 * <p>A normal build replays the inputs under {@code UserImportFuzzTestsInputs} (seeds and anything the fuzzer
 * found); {@code ./mvnw -Pfuzz test} fuzzes (see the {@code fuzz} profile of pom.xml).
 */
class UserImportFuzzTests {

    static final List<Product> PRODUCTS = UserImportValidatorTests.PRODUCTS;
    static final Set<String> DOMAINS = Set.of("contoso.com", "Contoso.onmicrosoft.com");

    /** What one read of a file came to: a result per row, or the file's problem after the rows read before it. */
    record Outcome(List<UserImportRow> rows, List<RowResult> results, UserImportProblem fileProblem) {
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryFile(resourcePath = "user-import.dict")
    void anyFileEndsInCheckedRowsOrOneFileProblem(byte[] input) {
        byte[] file = widened(input);
        Outcome first = read(file);
        Outcome second = read(file);
        assertThat(second).as("a second read of the same bytes").isEqualTo(first);
    }

    /** The first byte of an input that asks for {@link #widened} blank lines; never the start of a real file. */
    static final byte WIDEN = (byte) 0xF5;

    /**
     * The file an input stands for. The reader works through a 64 KiB byte buffer and the header is looked for in
     * the first 64 KiB: an input {@code F5 hi lo rest} is {@code rest} with {@code hi·256+lo} blank lines (in its
     * encoding, after its byte-order mark) in front, so that a character, a line end or the header can fall across
     * those edges, where a few kilobytes of fuzz input never reach.
     */
    static byte[] widened(byte[] input) {
        if (input.length < 3 || input[0] != WIDEN) {
            return input;
        }
        int lines = (input[1] & 0xff) << 8 | (input[2] & 0xff);
        byte[] rest = Arrays.copyOfRange(input, 3, input.length);
        int bom = 0;
        byte[] newline = {'\n'};
        if (rest.length >= 3 && (rest[0] & 0xff) == 0xef && (rest[1] & 0xff) == 0xbb && (rest[2] & 0xff) == 0xbf) {
            bom = 3;
        } else if (rest.length >= 2 && (rest[0] & 0xff) == 0xff && (rest[1] & 0xff) == 0xfe) {
            bom = 2;
            newline = new byte[] {'\n', 0};
        } else if (rest.length >= 2 && (rest[0] & 0xff) == 0xfe && (rest[1] & 0xff) == 0xff) {
            bom = 2;
            newline = new byte[] {0, '\n'};
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(rest.length + lines * newline.length);
        out.write(rest, 0, bom);
        for (int i = 0; i < lines; i++) {
            out.writeBytes(newline);
        }
        out.write(rest, bom, rest.length - bom);
        return out.toByteArray();
    }

    private static Outcome read(byte[] bytes) {
        List<UserImportRow> rows = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        UserImportValidator validator = new UserImportValidator(DOMAINS, PRODUCTS);
        try (UserImportFile file = UserImportFile.open(new ByteArrayInputStream(bytes))) {
            UserImportHeader header = file.header();
            assertThat(header.has(UserImportColumn.USER_NAME)).as("a header without User name is refused").isTrue();
            assertThat(file.charset()).isNotNull();
            long[] previous = {header.line()};
            file.rows().forEach(row -> {
                assertThat(row.line()).as("rows come after the header and each other").isGreaterThan(previous[0]);
                previous[0] = row.line();
                rows.add(row);
                RowResult result = validator.validate(row);
                check(row, result);
                results.add(result);
            });
            return new Outcome(rows, results, null);
        } catch (UserImportFileException refused) {
            UserImportProblem problem = refused.problem();
            assertThat(problem.code().fileLevel()).as("a file's problem: %s", problem).isTrue();
            assertThat(problem.line()).as("a line of the file: %s", problem).isPositive();
            assertThat(refused.getMessage()).isEqualTo(problem.toString());
            return new Outcome(rows, results, problem);
        }
    }

    private static void check(UserImportRow row, RowResult result) {
        assertThat(result.line()).isEqualTo(row.line());
        if (result instanceof Valid valid) {
            NewUser user = valid.user();
            assertThat(DOMAINS.stream().map(d -> d.toLowerCase(Locale.ROOT))).as("a valid row's domain")
                    .contains(user.domain());
            assertThat(user.userPrincipalName().length()).isLessThanOrEqualTo(NewUser.MAX_USER_NAME);
            assertThat(user.displayName()).isNotBlank();
            assertThat(valid.licenses()).doesNotHaveDuplicates()
                    .allMatch(sku -> PRODUCTS.stream().anyMatch(p -> p.skuId().equals(sku)));
        } else {
            List<UserImportProblem> problems = ((Invalid) result).problems();
            assertThat(problems).as("a refused row says why").isNotEmpty().allSatisfy(problem -> {
                assertThat(problem.line()).isEqualTo(row.line());
                assertThat(problem.column()).isNotNull();
                assertThat(problem.code().fileLevel()).isFalse();
            });
        }
    }
}
