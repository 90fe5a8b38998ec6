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

    /** What an attacker (or a careless paste) puts in a name. */
    public static final List<String> NASTY = List.of("x;=cmd|' /C calc'!A0;", "x,=cmd|' /C calc'!A0,",
            "=1+2", "+1", "-1", "@SUM(A1)", " =1", "\t=1", "\r=1", "a\tb", "a\rb", "a\nb", "a\r\nb",
            "say \"hi\"", "\"=1+2\"", "x;\"=1\"", "x,\"=1\"", "x;", "x,", "x; ", "x;\"", "x;\"a", "\"", ";", ",",
            "x; =1", "x;\t-1", "Lovelace, Ada", "Müller;Lüdenscheidt", "a;;=b", "a\u2028b", "a\u0085b",
            "x;@a;+b;-c", "\";=1", "=\"", "a\"\";=x");

    @Test
    void everyCellStaysTextAndEveryRowStaysOneRowWhateverTheSeparator() throws IOException {
        for (char separator : new char[] {',', ';'}) {
            StringWriter out = new StringWriter();
            try (CsvCells.Sheet sheet = CsvCells.excel(out, separator, List.of("Name", "Id", "Other"))) {
                for (String name : NASTY) {
                    sheet.row(name, UUID.randomUUID(), name);
                    sheet.row(UUID.randomUUID(), name, "plain");
                }
            }

            ExcelSplits.assertStaysText(out.toString(), 1 + 2 * NASTY.size());
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
