package io.seatwise.imports;

import java.util.List;
import java.util.Set;

import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.imports.UserImportProblem.Code;
import io.seatwise.imports.UserImportValidator.Invalid;
import io.seatwise.imports.UserImportValidator.RowResult;
import io.seatwise.imports.UserImportValidator.Valid;
import io.seatwise.shared.DomainException;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.NewUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Checking import rows: every problem code with its line and column, and what a valid row becomes. */
class UserImportValidatorTests {

    static final SkuId E3 = SkuId.of("6fd2c87f-b296-42f0-b197-1e91e994b900");
    static final SkuId EMS = SkuId.of("efccb6f7-5641-4e0e-bd10-b4976e1bf68e");
    static final SkuId VOICE = SkuId.of("22222222-2222-4222-8222-222222222222");
    static final List<Product> PRODUCTS = List.of(new Product(E3, "ENTERPRISEPACK", "Office 365 E3"),
            new Product(EMS, "EMS", "Enterprise Mobility + Security E3"),
            new Product(VOICE, "PARTNER_VOICE", "Partner Voice, with calling"));

    final UserImportValidator validator = new UserImportValidator(Set.of("contoso.com", "Contoso.onmicrosoft.com"),
            PRODUCTS);

    /** A row with a valid value in every column, to spoil one at a time. */
    static final class RowBuilder {
        long line = 2;
        String first = "Ann";
        String last = "Lee";
        String display = "Ann Lee";
        String user = "ann@contoso.com";
        String location = "se";
        String licenses = "ENTERPRISEPACK";

        RowBuilder line(long value) {
            line = value;
            return this;
        }

        RowBuilder first(String value) {
            first = value;
            return this;
        }

        RowBuilder last(String value) {
            last = value;
            return this;
        }

        RowBuilder display(String value) {
            display = value;
            return this;
        }

        RowBuilder user(String value) {
            user = value;
            return this;
        }

        RowBuilder location(String value) {
            location = value;
            return this;
        }

        RowBuilder licenses(String value) {
            licenses = value;
            return this;
        }

        UserImportRow build() {
            return new UserImportRow(line, first, last, display, user, location, licenses);
        }
    }

    static RowBuilder row() {
        return new RowBuilder();
    }

    Valid valid(RowBuilder row) {
        RowResult result = validator.validate(row.build());
        assertThat(result).as("%s", result).isInstanceOf(Valid.class);
        return (Valid) result;
    }

    List<UserImportProblem> problems(RowBuilder row) {
        RowResult result = validator.validate(row.build());
        assertThat(result).as("%s", result).isInstanceOf(Invalid.class);
        assertThat(result.line()).isEqualTo(row.line);
        return ((Invalid) result).problems();
    }

    UserImportProblem problem(RowBuilder row) {
        List<UserImportProblem> problems = problems(row);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void aValidRowBecomesTheUserToCreateWithItsProducts() {
        Valid valid = valid(row().line(7).user("Ann.Lee@CONTOSO.com").location("se")
                .licenses(" enterprisepack ; Enterprise  Mobility + Security e3 "));

        assertThat(valid.line()).isEqualTo(7);
        assertThat(valid.user()).isEqualTo(new NewUser("Ann.Lee@contoso.com", "Ann", "Lee", "Ann Lee", "SE",
                DirectoryRole.NONE));
        assertThat(valid.licenses()).containsExactly(E3, EMS);
    }

    @Test
    void aRowWithoutDisplayNameTakesFirstAndLastNameAndWithoutLocationLeavesItToTheCaller() {
        Valid valid = valid(row().display(null).location(null).licenses(null));

        assertThat(valid.user().displayName()).isEqualTo("Ann Lee");
        assertThat(valid.user().usageLocation()).isNull();
        assertThat(valid.licenses()).isEmpty();
    }

    @Test
    void aRowWithoutUserNameIsMissingAField() {
        UserImportProblem problem = problem(row().line(4).user(null));

        assertThat(problem).isEqualTo(new UserImportProblem(4, UserImportColumn.USER_NAME, Code.MISSING_FIELD,
                "User name is empty"));
    }

    @Test
    void aRowWithNoNameAtAllIsMissingTheDisplayName() {
        UserImportProblem problem = problem(row().first(null).last(null).display(null));

        assertThat(problem.column()).isEqualTo(UserImportColumn.DISPLAY_NAME);
        assertThat(problem.code()).isEqualTo(Code.MISSING_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann", "ann@", "@contoso.com", "ann lee@contoso.com", "ann..lee@contoso.com",
            "ann@@contoso.com", ".ann@contoso.com", "anné@contoso.com"})
    void aMalformedUserNameIsReportedAsWritten(String userName) {
        UserImportProblem problem = problem(row().user(userName));

        assertThat(problem.code()).isEqualTo(Code.MALFORMED_USER_NAME);
        assertThat(problem.column()).isEqualTo(UserImportColumn.USER_NAME);
        assertThat(problem.message()).isEqualTo("'" + userName + "' is not a valid user name (name@domain)");
    }

    @Test
    void everyNameHasItsLengthLimit() {
        String at50 = "a".repeat(50);
        valid(row().first(at50).last(at50).display("d".repeat(256)).user("u".repeat(64) + "@contoso.com"));

        assertThat(problems(row().first(at50 + "b").last(at50 + "b").display("d".repeat(257))))
                .extracting(UserImportProblem::column, UserImportProblem::code, UserImportProblem::message)
                .containsExactly(
                        tuple(UserImportColumn.FIRST_NAME, Code.TOO_LONG, "First name is longer than 50 characters (51)"),
                        tuple(UserImportColumn.LAST_NAME, Code.TOO_LONG, "Last name is longer than 50 characters (51)"),
                        tuple(UserImportColumn.DISPLAY_NAME, Code.TOO_LONG,
                                "Display name is longer than 256 characters (257)"));
    }

    @Test
    void aUserNameIsTooLongPastItsLimitOrPast64CharactersBeforeTheAt() {
        String local65 = "u".repeat(65) + "@contoso.com";
        String total114 = "u".repeat(60) + "@" + "d".repeat(53);
        assertThat(total114).hasSize(114);

        assertThat(problem(row().user(local65))).extracting(UserImportProblem::code, UserImportProblem::message)
                .containsExactly(Code.TOO_LONG, "the part of '" + local65 + "' before the @ is longer than 64 characters");
        assertThat(problem(row().user(total114))).extracting(UserImportProblem::code, UserImportProblem::message)
                .containsExactly(Code.TOO_LONG, "User name is longer than 113 characters (114)");
    }

    @Test
    void aUserNameInSomeoneElsesDomainIsRefusedWhateverTheCaseOfTheCustomersDomain() {
        valid(row().user("ann@CONTOSO.ONMICROSOFT.COM"));

        UserImportProblem problem = problem(row().user("ann@fabrikam.com"));

        assertThat(problem.code()).isEqualTo(Code.DOMAIN_NOT_OWNED);
        assertThat(problem.message())
                .isEqualTo("domain fabrikam.com is not one of the customer's domains (contoso.com, Contoso.onmicrosoft.com)");
    }

    @Test
    void aUserNameGivenAgainIsADuplicateNamingTheFirstLineWhateverItsCase() {
        valid(row().line(2).user("ann@contoso.com"));
        for (int line = 3; line < 90_000; line++) {
            valid(row().line(line).user("user" + line + "@contoso.com"));
        }

        UserImportProblem again = problem(row().line(90_000).user("ANN@Contoso.com"));
        UserImportProblem thrice = problem(row().line(90_001).user("ann@contoso.com"));

        assertThat(again).isEqualTo(new UserImportProblem(90_000, UserImportColumn.USER_NAME, Code.DUPLICATE_IN_FILE,
                "user name ANN@contoso.com is already on line 2"));
        assertThat(thrice.message()).isEqualTo("user name ann@contoso.com is already on line 2");
    }

    @Test
    void aFirstOccurrenceWithOtherProblemsStillMakesTheNextOneADuplicate() {
        problems(row().line(2).location("XX"));

        assertThat(problem(row().line(3)).code()).isEqualTo(Code.DUPLICATE_IN_FILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "Sweden", "S", "SWE", "1"})
    void aLocationThatIsNoCountryCodeIsABadLocation(String location) {
        UserImportProblem problem = problem(row().location(location));

        assertThat(problem.column()).isEqualTo(UserImportColumn.USAGE_LOCATION);
        assertThat(problem.code()).isEqualTo(Code.BAD_LOCATION);
        assertThat(problem.message()).startsWith("'" + location + "' is not an ISO 3166 country code");
    }

    @Test
    void productsAreNamedByPartNumberNameOrIdSeparatedBySemicolonsLineBreaksOrCommas() {
        assertThat(valid(row().licenses("EMS;" + E3)).licenses()).containsExactly(EMS, E3);
        assertThat(valid(row().line(3).user("b@contoso.com").licenses("office 365 e3\nems")).licenses())
                .containsExactly(E3, EMS);
        assertThat(valid(row().line(4).user("c@contoso.com").licenses("EMS, ENTERPRISEPACK, EMS")).licenses())
                .containsExactly(EMS, E3);
        assertThat(valid(row().line(5).user("d@contoso.com").licenses("Partner Voice, with calling;;EMS;")).licenses())
                .containsExactly(VOICE, EMS);
    }

    @Test
    void anUnknownProductIsNamedEachTime() {
        List<UserImportProblem> problems = problems(row().licenses("ENTERPRISEPACK;SPE_E5;Visio, EMS"));

        assertThat(problems).extracting(UserImportProblem::column, UserImportProblem::code, UserImportProblem::message)
                .containsExactly(
                        tuple(UserImportColumn.LICENSES, Code.UNKNOWN_PRODUCT, "unknown product 'SPE_E5': not the part "
                                + "number or name of a product the customer subscribes to"),
                        tuple(UserImportColumn.LICENSES, Code.UNKNOWN_PRODUCT, "unknown product 'Visio': not the part "
                                + "number or name of a product the customer subscribes to"));
    }

    @Test
    void aNameTwoProductsShareIsRefusedAsAmbiguous() {
        SkuId other = SkuId.of("33333333-3333-4333-8333-333333333333");
        UserImportValidator twoNamedAlike = new UserImportValidator(Set.of("contoso.com"),
                List.of(PRODUCTS.get(0), new Product(other, "ENTERPRISEPACK_GOV", "Office 365 E3")));

        RowResult result = twoNamedAlike.validate(row().licenses("Office 365 E3").build());

        assertThat(((Invalid) result).problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Code.UNKNOWN_PRODUCT);
            assertThat(p.message()).isEqualTo("'Office 365 E3' names 2 of the customer's products; use the part number");
        });
        assertThat(twoNamedAlike.validate(row().line(3).user("b@contoso.com").licenses("enterprisepack_gov").build()))
                .isInstanceOf(Valid.class);
    }

    @Test
    void aRowReportsEveryProblemItHasInColumnOrder() {
        List<UserImportProblem> problems = problems(row().line(12).first("f".repeat(60)).user("ann@fabrikam.com")
                .location("Sweden").licenses("Visio"));

        assertThat(problems).extracting(UserImportProblem::line, UserImportProblem::column, UserImportProblem::code)
                .containsExactly(
                        tuple(12L, UserImportColumn.FIRST_NAME, Code.TOO_LONG),
                        tuple(12L, UserImportColumn.USER_NAME, Code.DOMAIN_NOT_OWNED),
                        tuple(12L, UserImportColumn.USAGE_LOCATION, Code.BAD_LOCATION),
                        tuple(12L, UserImportColumn.LICENSES, Code.UNKNOWN_PRODUCT));
    }

    @Test
    void leavesAlreadyExistsToTheCallerWithTheSameShapeOfProblem() {
        assertThat(UserImportProblem.alreadyExists(9, "ann@contoso.com")).isEqualTo(new UserImportProblem(9,
                UserImportColumn.USER_NAME, Code.ALREADY_EXISTS, "user name ann@contoso.com already exists"));
        assertThat(Code.ALREADY_EXISTS.id()).isEqualTo("already-exists");
        assertThat(Code.ALREADY_EXISTS.fileLevel()).isFalse();
        assertThat(Code.MALFORMED_CSV.fileLevel()).isTrue();
    }

    @Test
    void theCodesAreTheIssuesNames() {
        assertThat(List.of(Code.values())).extracting(Code::id).contains("missing-field", "malformed-user-name",
                "duplicate-in-file", "already-exists", "domain-not-owned", "unknown-product", "too-long",
                "bad-location");
    }

    /** The import and the API's NewUser apply one rule for user names: what one accepts the other does. */
    @ParameterizedTest
    @ValueSource(strings = {"ann@contoso.com", "Ann.O'Neil+x@Contoso.COM", "ann", "ann@", "@contoso.com",
            "a b@contoso.com", "ann..lee@contoso.com"})
    void acceptsTheUserNamesNewUserAccepts(String userName) {
        boolean apiAccepts;
        try {
            new NewUser(userName, null, null, "Ann", null, null);
            apiAccepts = true;
        } catch (DomainException refused) {
            apiAccepts = false;
        }

        RowResult result = validator.validate(row().user(userName).build());

        assertThat(result instanceof Valid).isEqualTo(apiAccepts);
    }

    @Test
    void newUserStillRefusesWithItsOwnMessages() {
        assertThatThrownBy(() -> new NewUser("ann@", null, null, "Ann", null, null))
                .hasMessage("'ann@' is not a valid user name (name@domain)");
        assertThatThrownBy(() -> new NewUser("u".repeat(65) + "@contoso.com", null, null, "Ann", null, null))
                .hasMessageEndingWith("is not a valid user name (name@domain)");
        assertThatThrownBy(() -> new NewUser("u".repeat(60) + "@" + "d".repeat(60) + ".com", null, null, "Ann", null, null))
                .hasMessage("userPrincipalName is longer than 113 characters");
        assertThat(new NewUser("Ann@Contoso.COM", null, null, "Ann", null, null).userPrincipalName())
                .isEqualTo("Ann@contoso.com");
    }
}
