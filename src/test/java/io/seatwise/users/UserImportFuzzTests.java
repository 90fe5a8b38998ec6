package io.seatwise.users;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
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
    void anyFileEndsInCheckedRowsOrOneFileProblem(byte[] file) {
        Outcome first = read(file);
        Outcome second = read(file);
        assertThat(second).as("a second read of the same bytes").isEqualTo(first);
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
