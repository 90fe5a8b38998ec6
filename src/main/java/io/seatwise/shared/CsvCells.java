package io.seatwise.shared;

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
}
