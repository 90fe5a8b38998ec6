package io.seatwise.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.seatwise.catalog.Product;
import io.seatwise.imports.UserImportValidator.Invalid;
import io.seatwise.imports.UserImportValidator.RowResult;
import io.seatwise.imports.UserImportValidator.Valid;
import io.seatwise.users.NewUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes uploaded as a users import file end as rows that are each valid or refused with their problems, or as
 * one {@link UserImportFileException} naming the line: never another exception, and the same outcome when the file
 * is read a second time (the import reads it twice, trusting the first pass's verdicts in the second), whatever
 * falls across the edges of the reader's buffer.
 *
 * <p>A normal build replays the inputs under {@code UserImportFuzzTestsInputs} (seeds and anything the fuzzer
 * found); {@code ./mvnw -Pfuzz test} fuzzes (see the {@code fuzz} profile of pom.xml).
 */
class UserImportFuzzTests {

    static final List<Product> PRODUCTS = UserImportValidatorTests.PRODUCTS;
    static final Set<String> DOMAINS = Set.of("contoso.com", "Contoso.onmicrosoft.com");

    /** What one read of a file came to: a result per row, or the file's problem after the rows read before it. */
    record Outcome(List<UserImportRow> rows, List<RowResult> results, UserImportProblem fileProblem, Charset charset) {

        /** Read in an encoding that the bytes name or are valid in, not in one guessed from a sample of them. */
        boolean unicode() {
            return charset != null && charset.name().startsWith("UTF-");
        }
    }

    /** The first byte of an input whose next byte is a small read-ahead buffer's size; never a file's first byte. */
    static final byte SMALL_BUFFER = (byte) 0xF5;

    /**
     * An input is a file's bytes, or {@code F5 n} and a file's bytes to read with a read-ahead buffer of 4 to 64
     * bytes (by {@code n}): the reader works through a 64 KiB buffer, whose edges a few kilobytes of fuzz input never
     * reach, and a small one puts a character, a surrogate pair, a line end or the switch to a code page across one.
     * The buffer's size must not change what comes out, unless the encoding is guessed (from what is buffered).
     */
    @FuzzTest(maxDuration = "60s")
    @DictionaryFile(resourcePath = "user-import.dict")
    void anyFileEndsInCheckedRowsOrOneFileProblem(byte[] input) {
        byte[] file = input;
        int buffer = UserImportReader.BUFFER_BYTES;
        if (input.length >= 2 && input[0] == SMALL_BUFFER) {
            buffer = 4 + (input[1] & 0xff) % 61;
            file = Arrays.copyOfRange(input, 2, input.length);
        }
        Outcome outcome = read(file, buffer);
        Outcome again = read(file, UserImportReader.BUFFER_BYTES);
        if (buffer == UserImportReader.BUFFER_BYTES || (outcome.unicode() && again.unicode())) {
            assertThat(again).as("a second read of the same bytes, with a %d-byte buffer first", buffer)
                    .isEqualTo(outcome);
        }
    }

    private static Outcome read(byte[] bytes, int buffer) {
        List<UserImportRow> rows = new ArrayList<>();
        List<RowResult> results = new ArrayList<>();
        UserImportValidator validator = new UserImportValidator(DOMAINS, PRODUCTS);
        UserImportFile file;
        try {
            file = UserImportFile.open(new ByteArrayInputStream(bytes), buffer);
        } catch (UserImportFileException refused) {
            return new Outcome(rows, results, checked(refused), null);
        }
        try (file) {
            UserImportHeader header = file.header();
            assertThat(header.has(UserImportColumn.USER_NAME)).as("a header without User name is refused").isTrue();
            long[] previous = {header.line()};
            file.rows().forEach(row -> {
                assertThat(row.line()).as("rows come after the header and each other").isGreaterThan(previous[0]);
                previous[0] = row.line();
                rows.add(row);
                RowResult result = validator.validate(row);
                check(row, result);
                results.add(result);
            });
            return new Outcome(rows, results, null, file.charset());
        } catch (UserImportFileException refused) {
            return new Outcome(rows, results, checked(refused), file.charset());
        }
    }

    private static UserImportProblem checked(UserImportFileException refused) {
        UserImportProblem problem = refused.problem();
        assertThat(problem.code().fileLevel()).as("a file's problem: %s", problem).isTrue();
        assertThat(problem.line()).as("a line of the file: %s", problem).isPositive();
        assertThat(refused.getMessage()).isEqualTo(problem.toString());
        return problem;
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
