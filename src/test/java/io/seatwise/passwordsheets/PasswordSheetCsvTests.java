package io.seatwise.passwordsheets;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.seatwise.shared.CsvCells;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A sheet's CSV keeps every cell text in Excel, and its lines print without their passwords. */
class PasswordSheetCsvTests {

    static final String PASSWORD = "Abcde-fghij-kmnpq-rstuv";

    @Test
    void cellsThatExcelWouldReadAsFormulasAreNeutralised() {
        assertThat(CsvCells.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvCells.safe("+1")).isEqualTo("'+1");
        assertThat(CsvCells.safe("-1")).isEqualTo("'-1");
        assertThat(CsvCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        // Tabs and line breaks become spaces (see CsvCells.safe), still marked when a formula follows
        assertThat(CsvCells.safe("\tx")).isEqualTo(" x");
        assertThat(CsvCells.safe("\r=x")).isEqualTo("' =x");
        assertThat(CsvCells.safe("Ann")).isEqualTo("Ann");
        String csv = new String(PasswordSheetCsv.csv(List.of(new PasswordSheets.Entry("a@b.example",
                "=cmd|' /C calc'!A0", PASSWORD)), List.of("User name", "Display name", "Temporary password")),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFUser name,Display name,Temporary password").contains("'=cmd")
                .contains(PASSWORD);
    }

    @Test
    void sheetLinesHideTheirPasswords() {
        assertThat(new PasswordSheets.Entry("ann@x.example", "Ann Lee", PASSWORD).toString())
                .doesNotContain(PASSWORD).contains("ann@x.example");
    }
}
