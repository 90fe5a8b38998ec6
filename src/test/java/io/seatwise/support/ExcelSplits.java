package io.seatwise.support;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV file as Excel would split it in each locale: on commas (English, Chinese), semicolons (French, Swedish,
 * Russian) or tabs (opened as text); quotes honoured at a cell's start, text after a closing quote kept, as Excel
 * does.
 */
public final class ExcelSplits {

    public static final char[] SEPARATORS = {',', ';', '\t'};
    private static final String FORMULA = "=+-@";

    /** What an attacker (or a careless paste) puts in a name. */
    public static final List<String> NASTY = List.of("x;=cmd|' /C calc'!A0;", "x,=cmd|' /C calc'!A0,",
            "=1+2", "+1", "-1", "@SUM(A1)", " =1", "\t=1", "\r=1", "a\tb", "a\rb", "a\nb", "a\r\nb",
            "say \"hi\"", "\"=1+2\"", "x;\"=1\"", "x,\"=1\"", "x;", "x,", "x; ", "x;\"", "x;\"a", "\"", ";", ",",
            "x; =1", "x;\t-1", "Lovelace, Ada", "Müller;Lüdenscheidt", "a;;=b", "a\u2028b", "a\u0085b",
            "x;@a;+b;-c", "\";=1", "=\"", "a\"\";=x");

    private ExcelSplits() {
    }

    /** The file's rows split on this separator (a leading byte-order mark dropped). */
    public static List<List<String>> split(String csv, char separator) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(separator).setTrailingData(true)
                .setLenientEof(true).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException e) {
            throw new AssertionError("the file cannot be split on '" + separator + "'", e);
        }
        return rows;
    }

    /**
     * Asserts that, whatever the separator, the file has {@code rows} rows (header included) and no cell starts, past
     * blanks, with a formula character or holds a line break.
     */
    public static void assertStaysText(String csv, int rows) {
        for (char separator : SEPARATORS) {
            List<List<String>> split = split(csv, separator);
            String name = separator == '\t' ? "tab" : "'" + separator + "'";
            assertThat(split).as("rows split on " + name).hasSize(rows);
            for (List<String> row : split) {
                for (String cell : row) {
                    String start = cell.stripLeading();
                    assertThat(!start.isEmpty() && FORMULA.indexOf(start.charAt(0)) >= 0)
                            .as("split on " + name + ", a cell is a formula: [" + cell + "] in " + row).isFalse();
                    assertThat(cell).as("split on " + name + ", a cell holds a line break or tab: " + row)
                            .doesNotContain("\r", "\n", "\t");
                }
            }
        }
    }
}
