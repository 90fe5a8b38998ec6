package io.seatwise.shared;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV files Seatwise hands out, which people open in spreadsheets. Every cell goes through {@link #safe}, so no
 * cell becomes a formula or a new row in Excel, whatever list separator its locale splits on.
 */
public final class CsvCells {

    /**
     * The list separators of Excel's locales that can fall inside a cell: English and Chinese split on commas,
     * French, Swedish and Russian on semicolons. Tabs (a file opened as text) never stay in a cell.
     */
    private static final String SEPARATORS = ",;";
    /** OWASP's CSV-injection list: a cell starting with one of these is run as a formula. */
    private static final String FORMULA = "=+-@\t\r";

    private CsvCells() {
    }

    /**
     * A cell that stays text in a spreadsheet. Because Excel splits a comma-separated file on its locale's list
     * separator, not necessarily the comma (and the import template is semicolon-separated for some languages), a
     * cell is safe only if every piece of it between {@code ,} and {@code ;} is:
     * <ul>
     * <li>line breaks, tabs and other control characters become spaces: under another separator Excel no longer
     * sees the quotes around a cell, so a line break inside one would start a new row, and a tab would split it
     * when the file is opened as text (a name has no use for either); a space keeps the words apart, which
     * dropping the character would not;</li>
     * <li>a piece that starts, past blanks and quotes, with {@code = + - @} gets a leading {@code '} (OWASP's mark
     * of text). So does a piece after a separator that starts with a quote, or holds nothing but blanks at the
     * cell's end: Excel would read that quote as opening a quoted cell and unquote what follows, or take the quote
     * that closes this cell as opening one that runs on over the next rows.</li>
     * </ul>
     * Under its own separator the file keeps the text as it is, but for these marks.
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        StringBuilder out = new StringBuilder(cell.length() + 4);
        int start = 0;
        while (true) {
            int end = start;
            while (end < cell.length() && SEPARATORS.indexOf(cell.charAt(end)) < 0) {
                end++;
            }
            if (risky(cell, start, end)) {
                out.append('\'');
            }
            for (int i = start; i < end; i++) {
                char c = cell.charAt(i);
                out.append(lineBreak(c) ? ' ' : c);
            }
            if (end == cell.length()) {
                return out.toString();
            }
            out.append(cell.charAt(end));
            start = end + 1;
        }
    }

    /** A cell of any type: numbers, dates and ids as they are (they cannot hold a formula), the rest as text. */
    public static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number || value instanceof TemporalAccessor || value instanceof UUID
                || value instanceof Boolean) {
            return value.toString();
        }
        return safe(value.toString());
    }

    /** Whether the piece {@code [start, end)} of the cell needs a leading quote mark (see {@link #safe}). */
    private static boolean risky(String cell, int start, int end) {
        int i = start;
        while (i < end && blank(cell.charAt(i))) {
            i++;
        }
        if (start > 0) {
            if (i == end) {
                return end == cell.length();
            }
            if (cell.charAt(i) == '"') {
                return true;
            }
        }
        while (i < end && (cell.charAt(i) == '"' || blank(cell.charAt(i)))) {
            i++;
        }
        return i < end && FORMULA.indexOf(cell.charAt(i)) >= 0;
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || lineBreak(c);
    }

    /** Control characters (CR, LF, tab, NUL…) and Unicode's line and paragraph separators. */
    private static boolean lineBreak(char c) {
        return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
    }

    /**
     * A CSV file as Excel opens it right: a UTF-8 byte-order mark (the writer must write UTF-8), Excel's format,
     * the header first. Closing the sheet closes the writer.
     */
    public static Sheet excel(Writer writer, List<String> header) throws IOException {
        return excel(writer, ',', header);
    }

    /** As {@link #excel(Writer, List)}, with another separator (the import template writes {@code ;} for some). */
    public static Sheet excel(Writer writer, char separator, List<String> header) throws IOException {
        writer.write('\uFEFF');
        Sheet sheet = new Sheet(new CSVPrinter(writer, CSVFormat.EXCEL.builder().setDelimiter(separator).get()));
        sheet.row(header.toArray());
        return sheet;
    }

    /** A CSV file being written, whose every cell goes through {@link #cell(Object)}. */
    public static final class Sheet implements Closeable, Flushable {

        private final CSVPrinter printer;

        private Sheet(CSVPrinter printer) {
            this.printer = printer;
        }

        /** One row. */
        public void row(Object... cells) throws IOException {
            List<String> safe = new ArrayList<>(cells.length);
            for (Object cell : cells) {
                safe.add(cell(cell));
            }
            printer.printRecord(safe);
        }

        /** One row. */
        public void row(List<?> cells) throws IOException {
            row(cells.toArray());
        }

        @Override
        public void flush() throws IOException {
            printer.flush();
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }
}
