package io.seatwise.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.imports.UserImportProblem.Code;
import io.seatwise.imports.UserImportValidator.Invalid;
import io.seatwise.imports.UserImportValidator.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The downloadable template: what Excel needs to open it, and that the import reads it back in every language. */
class UserImportTemplateTests {

    static final SkuId E3 = SkuId.of("6fd2c87f-b296-42f0-b197-1e91e994b900");

    @Test
    void theEnglishTemplateIsUtf8WithAByteOrderMarkCommasAndOneExampleRow() {
        byte[] csv = UserImportTemplate.csv();

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xef, 0xbb, 0xbf);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "First name,Last name,Display name,User name,Usage location,Licenses\r\n"
                        + "Ada,Lovelace,Ada Lovelace,ada.lovelace@example.com,GB,ENTERPRISEPACK\r\n");
    }

    @Test
    void theExampleRowIsValidButForItsDomainSoAnUnchangedTemplateCreatesNoOne() {
        List<Product> products = List.of(new Product(E3, "ENTERPRISEPACK", "Office 365 E3"));
        try (UserImportFile file = UserImportFile.open(new ByteArrayInputStream(UserImportTemplate.csv()))) {
            UserImportRow example = file.rows().findFirst().orElseThrow();

            assertThat(new UserImportValidator(Set.of("example.com"), products).validate(example))
                    .isInstanceOfSatisfying(Valid.class, v -> assertThat(v.licenses()).containsExactly(E3));
            assertThat(new UserImportValidator(Set.of("contoso.com"), products).validate(example))
                    .isInstanceOfSatisfying(Invalid.class, i -> assertThat(i.problems())
                            .extracting(UserImportProblem::code).containsExactly(Code.DOMAIN_NOT_OWNED));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "ru", "zh-CN", "sv", "de"})
    void eachLanguagesTemplateIsReadBackWithEveryColumn(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        byte[] csv = UserImportTemplate.csv(locale);

        try (UserImportFile file = UserImportFile.open(new ByteArrayInputStream(csv))) {
            assertThat(file.header().columns().keySet()).containsExactly(UserImportColumn.values());
            assertThat(file.header().separator()).isEqualTo(Set.of("fr", "ru", "sv", "de").contains(tag) ? ';' : ',');
            assertThat(file.header().columns().get(UserImportColumn.USER_NAME))
                    .isEqualTo(UserImportColumn.USER_NAME.label(locale));
            assertThat(file.rows().toList()).singleElement()
                    .satisfies(row -> assertThat(row.userName()).isEqualTo("ada.lovelace@example.com"));
        }
    }

    @Test
    void theColumnNamesComeFromTheMessagesOfEachLanguage() {
        assertThat(UserImportColumn.USER_NAME.label(Locale.FRENCH)).isEqualTo("Nom d’utilisateur");
        assertThat(UserImportColumn.FIRST_NAME.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("名字");
        assertThat(UserImportColumn.LICENSES.label(Locale.forLanguageTag("sv"))).isEqualTo("Licenser");
        assertThat(UserImportColumn.LICENSES.label(Locale.GERMAN)).isEqualTo("Licenses");
        assertThat(UserImportColumn.LICENSES.messageKey()).isEqualTo("users.import.column.licenses");
    }
}
