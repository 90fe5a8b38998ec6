package io.seatwise.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.seatwise.imports.UserImportProblem.Code;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The header of a users import file: the line it is on, the separator, the known columns in file order with their
 * header text as written, and the header texts of the columns that are ignored.
 *
 * <p>Required: User name, and Display name unless both First name and Last name are there (a row's display name
 * then defaults to "first last", as for {@link io.seatwise.users.NewUser}). A header naming a column twice is refused rather than
 * read from one of the two.
 */
final class UserImportHeader {

    private static final char[] SEPARATORS = {',', ';', '\t'};

    private final long line;
    private final char separator;
    private final Map<UserImportColumn, String> columns;
    private final Map<UserImportColumn, Integer> positions;
    private final List<String> ignored;

    private UserImportHeader(long line, char separator, Map<UserImportColumn, String> columns,
            Map<UserImportColumn, Integer> positions, List<String> ignored) {
        this.line = line;
        this.separator = separator;
        this.columns = Collections.unmodifiableMap(columns);
        this.positions = positions;
        this.ignored = List.copyOf(ignored);
    }

    /**
     * The header in a file's first record.
     *
     * @throws UserImportFileException when a required column is missing or a column is named twice
     */
    static UserImportHeader of(long line, char separator, List<String> cells) {
        Map<UserImportColumn, String> columns = new LinkedHashMap<>();
        Map<UserImportColumn, Integer> positions = new EnumMap<>(UserImportColumn.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = UserImportRow.clean(cells.get(i));
            UserImportColumn column = UserImportColumn.forHeader(name);
            if (column == null) {
                if (name != null) {
                    ignored.add(name);
                }
            } else if (positions.putIfAbsent(column, i) != null) {
                throw new UserImportFileException(new UserImportProblem(line, column, Code.DUPLICATE_COLUMN,
                        "the header names the " + column.englishName() + " column twice ('" + columns.get(column)
                                + "' and '" + name + "')"));
            } else {
                columns.put(column, name);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey(UserImportColumn.USER_NAME)) {
            missing.add(UserImportColumn.USER_NAME.englishName());
        }
        if (!columns.containsKey(UserImportColumn.DISPLAY_NAME) && !(columns.containsKey(UserImportColumn.FIRST_NAME)
                && columns.containsKey(UserImportColumn.LAST_NAME))) {
            missing.add(UserImportColumn.DISPLAY_NAME.englishName() + " (or both "
                    + UserImportColumn.FIRST_NAME.englishName() + " and " + UserImportColumn.LAST_NAME.englishName()
                    + ")");
        }
        if (!missing.isEmpty()) {
            String found = columns.isEmpty() ? "none of the import's columns" : String.join(", ", columns.values());
            throw new UserImportFileException(line, Code.MISSING_COLUMN, "the header has no "
                    + String.join(" column, and no ", missing) + " column (found: " + found + "); the columns are "
                    + englishColumns() + ", separated by commas, semicolons or tabs");
        }
        return new UserImportHeader(line, separator, columns, positions, ignored);
    }

    long line() {
        return line;
    }

    char separator() {
        return separator;
    }

    /** The known columns in file order, each with its header text as written. */
    Map<UserImportColumn, String> columns() {
        return columns;
    }

    /** The header texts of the columns the import ignores. */
    List<String> ignored() {
        return ignored;
    }

    boolean has(UserImportColumn column) {
        return columns.containsKey(column);
    }

    /** A row's cell of the column, stripped; null when empty, or when the row or the file lacks the column. */
    String cell(CSVRecord record, UserImportColumn column) {
        Integer position = positions.get(column);
        return position == null || position >= record.size() ? null : UserImportRow.clean(record.get(position));
    }

    /** Excel's own separator hint, a first line "sep=;", which some exports write; or null. */
    static Character separatorLine(String firstLine) {
        String text = UserImportRow.clean(firstLine);
        // The quote cannot separate cells (it quotes them): "sep=\"" is no hint, and the line is read as the header
        return text != null && text.length() == 5 && text.regionMatches(true, 0, "sep=", 0, 4) && text.charAt(4) != '"'
                ? text.charAt(4) : null;
    }

    /** The separator that splits the header line into the most known columns, then into the most cells. */
    static char separator(String headerLine) {
        char best = SEPARATORS[0];
        long bestScore = -1;
        for (char separator : SEPARATORS) {
            long score = score(headerLine, separator);
            if (score > bestScore) {
                best = separator;
                bestScore = score;
            }
        }
        return best;
    }

    private static long score(String line, char separator) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(line)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return 0;
            }
            CSVRecord cells = records.next();
            long known = cells.stream().map(UserImportColumn::forHeader).filter(Objects::nonNull).distinct().count();
            return known * 10_000 + cells.size();
        } catch (IOException | UncheckedIOException unreadable) {
            // Broken quoting: the parse proper reports it with its line.
            return 0;
        }
    }

    static String englishColumns() {
        return Stream.of(UserImportColumn.values()).map(UserImportColumn::englishName)
                .collect(Collectors.joining(", "));
    }
}
