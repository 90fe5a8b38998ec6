package io.seatwise.imports;

/**
 * One row of a users import file as written, before validation: the physical line its record starts on and the
 * cells of the known columns, stripped (spaces, no-break spaces, zero-width spaces), null when empty or when the
 * file has no such column.
 */
record UserImportRow(long line, String firstName, String lastName, String displayName, String userName,
        String usageLocation, String licenses) {

    String get(UserImportColumn column) {
        return switch (column) {
            case FIRST_NAME -> firstName;
            case LAST_NAME -> lastName;
            case DISPLAY_NAME -> displayName;
            case USER_NAME -> userName;
            case USAGE_LOCATION -> usageLocation;
            case LICENSES -> licenses;
        };
    }

    /** A cell's text without the blanks around it, or null when nothing is left. */
    static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        int start = 0;
        int end = cell.length();
        while (start < end && blank(cell.charAt(start))) {
            start++;
        }
        while (end > start && blank(cell.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : cell.substring(start, end);
    }

    /** Besides whitespace, what Excel users paste from web pages and what a second byte-order mark leaves. */
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff';
    }
}
