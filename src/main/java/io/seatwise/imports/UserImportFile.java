package io.seatwise.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.seatwise.imports.UserImportProblem.Code;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A users import file, read as it streams: encoding and separator detected, the header matched to
 * {@link UserImportColumn}s, then one {@link UserImportRow} at a time with the physical line it starts on. Holds no
 * more than one record (at most {@value #MAX_RECORD_CHARS} characters) and a 64 KiB buffer, whatever the file's size.
 *
 * <pre>{@code
 * try (UserImportFile file = UserImportFile.open(upload.getInputStream())) {
 *     file.rows().forEach(row -> ...);
 * } catch (UserImportFileException e) {
 *     e.problem(); // line, code, message: the file cannot be imported at all
 * }
 * }</pre>
 *
 * The header's required columns are those of {@link UserImportHeader}; unknown columns are ignored. Blank rows, and
 * rows of separators only, are skipped. Not thread-safe; {@link #rows()} can be read once.
 */
final class UserImportFile implements AutoCloseable {

    /** Longer records are refused: in practice a quote that is never closed and would swallow the file. */
    static final int MAX_RECORD_CHARS = 1_000_000;
    /** How far the header is looked for, in characters. */
    private static final int HEADER_SEARCH = 64 * 1024;

    private final UserImportReader text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final UserImportHeader header;
    private boolean rowsTaken;

    private UserImportFile(UserImportReader text, BufferedReader buffered, char separator, boolean separatorLine)
            throws IOException {
        this.text = text;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).setTrim(false).get();
        this.parser = CSVParser.builder().setReader(buffered).setFormat(format).get();
        this.records = parser.iterator();
        CSVRecord first = null;
        long line = 0;
        boolean skipSeparatorLine = separatorLine;
        while (first == null) {
            line = nextLine();
            CSVRecord record = nextRecord(line);
            if (record == null) {
                throw new UserImportFileException(1, Code.EMPTY_FILE,
                        "the file is empty; its first line must be the header: " + UserImportHeader.englishColumns());
            }
            if (!blank(record)) {
                if (skipSeparatorLine) {
                    skipSeparatorLine = false;
                } else {
                    first = record;
                }
            }
        }
        this.header = UserImportHeader.of(line, separator, first.toList());
    }

    /**
     * Opens an uploaded file and reads its header. The file owns the stream from here on: closing the file closes
     * it, and so does a failing open.
     *
     * @throws UserImportFileException when the file is empty or its header lacks a required column
     * @throws UncheckedIOException when the stream cannot be read
     */
    static UserImportFile open(InputStream in) {
        return open(in, UserImportReader.BUFFER_BYTES);
    }

    /** As {@link #open(InputStream)}, reading the bytes ahead {@code bufferBytes} at a time (for tests of edges). */
    static UserImportFile open(InputStream in, int bufferBytes) {
        try {
            UserImportReader text = new UserImportReader(in, bufferBytes);
            BufferedReader buffered = new BufferedReader(text, HEADER_SEARCH);
            String firstLine = firstLine(buffered);
            Character hint = UserImportHeader.separatorLine(firstLine);
            char separator = hint != null ? hint : UserImportHeader.separator(firstLine);
            return new UserImportFile(text, buffered, separator, hint != null);
        } catch (RuntimeException | IOException e) {
            try {
                in.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof UserImportReader.Unreadable unreadable) {
                throw fileError(unreadable);
            }
            if (e instanceof CSVException csv) {
                throw new UserImportFileException(1, Code.MALFORMED_CSV, describe(csv));
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    UserImportHeader header() {
        return header;
    }

    /** The encoding the text is read in (see {@link UserImportReader#charset()}). */
    Charset charset() {
        return text.charset();
    }

    /**
     * The rows after the header, read lazily as the stream is consumed; once per file.
     *
     * @throws UserImportFileException from the stream's operations, when the file turns out broken further down
     */
    Stream<UserImportRow> rows() {
        if (rowsTaken) {
            throw new IllegalStateException("the rows of an import file can be read once");
        }
        rowsTaken = true;
        Iterator<UserImportRow> rows = new Iterator<>() {
            private UserImportRow next;
            private boolean finished;

            @Override
            public boolean hasNext() {
                while (next == null && !finished) {
                    long line = nextLine();
                    CSVRecord record = nextRecord(line);
                    if (record == null) {
                        finished = true;
                    } else if (!blank(record)) {
                        next = row(line, record);
                    }
                }
                return next != null;
            }

            @Override
            public UserImportRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                UserImportRow row = next;
                next = null;
                return row;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The line the next record starts on. The parser counts the line ends it has read; since blank lines come as
     * (skipped) records rather than being passed over, the next record starts just after them, also when a quoted
     * field of the previous record spans lines, where record numbers and character positions would not tell.
     */
    private long nextLine() {
        long line = parser.getCurrentLineNumber() + 1;
        text.limitRecord(line, MAX_RECORD_CHARS);
        return line;
    }

    /** The next record, or null at the end; a broken file becomes a {@link UserImportFileException}. */
    private CSVRecord nextRecord(long line) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof UserImportReader.Unreadable unreadable) {
                throw fileError(unreadable);
            }
            if (e.getCause() instanceof CSVException csv) {
                throw new UserImportFileException(line, Code.MALFORMED_CSV, describe(csv));
            }
            throw e;
        }
    }

    private UserImportRow row(long line, CSVRecord record) {
        return new UserImportRow(line, header.cell(record, UserImportColumn.FIRST_NAME),
                header.cell(record, UserImportColumn.LAST_NAME), header.cell(record, UserImportColumn.DISPLAY_NAME),
                header.cell(record, UserImportColumn.USER_NAME), header.cell(record, UserImportColumn.USAGE_LOCATION),
                header.cell(record, UserImportColumn.LICENSES));
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (UserImportRow.clean(value) != null) {
                return false;
            }
        }
        return true;
    }

    /** The first line with something on it, read ahead and given back, to choose the separator by. */
    private static String firstLine(BufferedReader in) throws IOException {
        in.mark(HEADER_SEARCH);
        StringBuilder line = new StringBuilder();
        int read = 0;
        int c;
        while (read < HEADER_SEARCH - 1 && (c = in.read()) >= 0) {
            read++;
            if (c == '\n' || c == '\r') {
                if (UserImportRow.clean(line.toString()) != null) {
                    break;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        in.reset();
        return line.toString();
    }

    private static UserImportFileException fileError(UserImportReader.Unreadable unreadable) {
        return new UserImportFileException(unreadable.line, unreadable.code, unreadable.getMessage());
    }

    /** The parser's complaint in the partner's terms; its own wording for what it rarely says. */
    private static String describe(CSVException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quote (\") opened in the row starting on this line is never closed";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "text follows the closing quote of a field; a quote inside a quoted field is written twice (\"\")";
        }
        return "the file is not valid CSV: " + message;
    }
}
