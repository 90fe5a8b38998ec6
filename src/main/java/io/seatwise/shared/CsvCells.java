package io.seatwise.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Cells of the CSV files Seatwise hands out, which people open in spreadsheets. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * OWASP's CSV-injection rule: spreadsheets run a cell starting with = + - @ tab or CR as a formula; a leading
     * quote keeps it text.
     */
    public static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    /**
     * A CSV file as Excel opens it right: a UTF-8 byte-order mark (the writer must write UTF-8), Excel's format,
     * the header first. Closing the printer closes the writer.
     */
    public static CSVPrinter excel(Writer writer, List<String> header) throws IOException {
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get());
    }
}
