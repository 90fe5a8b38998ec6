package io.seatwise.imports;

import java.util.Objects;

/**
 * Something wrong in a users import file: the physical line (1 = the first line of the file; for a row, the line
 * its record starts on), the column (null for a problem with the file as a whole), a stable code and a plain English
 * message. The console translates by {@link Code}; the message is for logs, the API and the activity log.
 */
public record UserImportProblem(long line, UserImportColumn column, Code code, String message) {

    /** Why a row or the file is refused. {@link #id()} is the stable name ({@code missing-field}…). */
    public enum Code {
        // A row's problems: the row is not created, the other rows still are.
        MISSING_FIELD("missing-field"),
        MALFORMED_USER_NAME("malformed-user-name"),
        DUPLICATE_IN_FILE("duplicate-in-file"),
        /** Checked against the database by the import service, not by {@link UserImportValidator}. */
        ALREADY_EXISTS("already-exists"),
        DOMAIN_NOT_OWNED("domain-not-owned"),
        UNKNOWN_PRODUCT("unknown-product"),
        TOO_LONG("too-long"),
        BAD_LOCATION("bad-location"),
        /** A control, bidirectional-control or zero-width character, or an unpaired surrogate (CleanText). */
        INVALID_CHARACTERS("invalid-characters"),
        // The file's problems: nothing of the file can be read past them (see UserImportFileException).
        EMPTY_FILE("empty-file"),
        MISSING_COLUMN("missing-column"),
        DUPLICATE_COLUMN("duplicate-column"),
        MALFORMED_CSV("malformed-csv"),
        BAD_ENCODING("bad-encoding");

        private final String id;

        Code(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Whether the problem is with the file as a whole rather than with one row. */
        public boolean fileLevel() {
            return ordinal() >= EMPTY_FILE.ordinal();
        }
    }

    public UserImportProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The row's user name is taken already (by this customer or another): for the import service's check. */
    public static UserImportProblem alreadyExists(long line, String userPrincipalName) {
        return new UserImportProblem(line, UserImportColumn.USER_NAME, Code.ALREADY_EXISTS,
                "user name " + userPrincipalName + " already exists");
    }

    /** "Line 12, User name: …", as a log or a plain-text report writes it. */
    @Override
    public String toString() {
        return "Line " + line + (column == null ? "" : ", " + column.englishName()) + ": " + message
                + " [" + code.id() + "]";
    }
}
