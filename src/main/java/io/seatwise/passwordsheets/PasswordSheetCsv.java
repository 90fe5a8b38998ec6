package io.seatwise.passwordsheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.seatwise.passwordsheets.PasswordSheets.Entry;
import io.seatwise.shared.CsvCells;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A sheet as CSV for Excel: UTF-8 with BOM, column names in the language of the request (of the console, or the
 * API's Accept-Language); every cell stays text ({@link CsvCells#safe}).
 */
@Component
class PasswordSheetCsv {

    private final MessageSource text;

    PasswordSheetCsv(MessageSource text) {
        this.text = text;
    }

    byte[] write(List<Entry> entries, Locale locale) {
        return csv(entries, List.of(text.getMessage("passwordsheet.userName", null, locale),
                text.getMessage("passwordsheet.displayName", null, locale),
                text.getMessage("passwordsheet.password", null, locale)));
    }

    static byte[] csv(List<Entry> entries, List<String> header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvCells.Sheet printer = CsvCells.excel(new OutputStreamWriter(out, StandardCharsets.UTF_8), header)) {
            for (Entry e : entries) {
                printer.row(e.userPrincipalName(), e.displayName(), e.temporaryPassword());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
