package io.seatwise.shared;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;

import io.seatwise.support.ExcelSplits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for CSV cells: text in Excel whatever its list separator, exact under the file's own. */
class CsvCellsTests {

    @Test
    void everyCellStaysTextAndEveryRowStaysOneRowWhateverTheSeparator() throws IOException {
        for (char separator : new char[] {',', ';'}) {
            StringWriter out = new StringWriter();
            try (CsvCells.Sheet sheet = CsvCells.excel(out, separator, List.of("Name", "Id", "Other"))) {
                for (String name : ExcelSplits.NASTY) {
                    sheet.row(name, UUID.randomUUID(), name);
                    sheet.row(UUID.randomUUID(), name, "plain");
                }
            }

            ExcelSplits.assertStaysText(out.toString(), 1 + 2 * ExcelSplits.NASTY.size());
        }
    }

    @Test
    void underItsOwnSeparatorACellReadsAsWrittenButForTheMarks() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvCells.Sheet sheet = CsvCells.excel(out, List.of("Name"))) {
            sheet.row("Lovelace, Ada");
            sheet.row("say \"hi\"");
            sheet.row("x;=cmd");
            sheet.row("a\r\nb");
            sheet.row(-5);
        }

        assertThat(ExcelSplits.split(out.toString(), ',')).containsExactly(List.of("Name"),
                List.of("Lovelace, Ada"), List.of("say \"hi\""), List.of("x;'=cmd"), List.of("a  b"), List.of("-5"));
    }

    @Test
    void safeMarksOnlyWhatCouldRun() {
        assertThat(CsvCells.safe("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvCells.safe("x;=cmd|' /C calc'!A0;")).isEqualTo("x;'=cmd|' /C calc'!A0;'");
        assertThat(CsvCells.safe("x,\"=1\"")).isEqualTo("x,'\"=1\"");
        assertThat(CsvCells.safe("Ann-Marie O'Neil; Jr")).isEqualTo("Ann-Marie O'Neil; Jr");
        assertThat(CsvCells.safe("a\nb\tc")).isEqualTo("a b c");
        assertThat(CsvCells.safe(null)).isNull();
        assertThat(CsvCells.safe("")).isEmpty();
    }
}
