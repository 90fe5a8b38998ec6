package io.seatwise.web;

/** Where a page goes back to after its work, when another page sent it there: a path on this site, never a URL. */
public final class ReturnTo {

    private ReturnTo() {
    }

    /**
     * The path when it is local to this site ({@code /customers/…}), else null: no other host, no scheme; no braces
     * either, which a redirect would take for URI template variables and fail on.
     */
    public static String local(String path) {
        if (path == null || path.isEmpty() || path.length() > 500 || !path.startsWith("/") || path.startsWith("//")
                || path.chars().anyMatch(c -> c < 0x21 || c == '\\' || c == 0x7f || c == '{' || c == '}')
                || path.toLowerCase(java.util.Locale.ROOT).matches(".*%7[bd].*")) {
            return null;
        }
        return path;
    }
}
