package io.seatwise.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.seatwise.shared.CsvCells;

/**
 * The downloadable template of the users import: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), the
 * header and one example row. The example's domain, {@code example.com}, is nobody's, so a template uploaded
 * unchanged creates no one.
 */
final class UserImportTemplate {

    /** The name to offer the download under. */
    public static final String FILE_NAME = "users-import-template.csv";
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private static final List<String> EXAMPLE = List.of("Ada", "Lovelace", "Ada Lovelace", "ada.lovelace@example.com",
            "GB", "ENTERPRISEPACK");

    private UserImportTemplate() {
    }

    /** The English template, comma-separated. */
    public static byte[] csv() {
        return csv(Locale.ROOT, ',');
    }

    /**
     * The template with the header in a console language (English for others). Semicolon-separated where the
     * language writes decimal commas (French, Russian, Swedish), since Excel there opens a double-clicked CSV file
     * with semicolons as its list separator; comma-separated otherwise.
     */
    public static byte[] csv(Locale locale) {
        boolean decimalComma = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
        return csv(locale, decimalComma ? ';' : ',');
    }

    private static byte[] csv(Locale locale, char separator) {
        List<String> header = new ArrayList<>();
        for (UserImportColumn column : UserImportColumn.values()) {
            header.add(column.label(locale));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvCells.Sheet sheet = CsvCells.excel(new OutputStreamWriter(out, StandardCharsets.UTF_8), separator,
                header)) {
            sheet.row(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
