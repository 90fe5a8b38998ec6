package io.seatwise.provisioning;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Rewrites a comparison of a value path's sub-attribute, {@code emails[type eq "work"].value eq "a@b"}, as the
 * value filter it means, {@code emails[(type eq "work") and value eq "a@b"]}: RFC 7644's filter grammar (and so
 * UnboundID's parser) has the form {@code attr[filter]} only, while identity providers write the PATCH path form
 * {@code attr[filter].sub} in filters too. Text in string literals is copied as it is; anything it does not
 * recognise is left for the parser to refuse.
 */
final class ScimFilterValuePaths {

    private ScimFilterValuePaths() {
    }

    /** The filter with each {@code attr[filter].sub op value} moved inside the brackets. */
    static String inline(String filter) {
        StringBuilder out = new StringBuilder(filter.length() + 16);
        Deque<Integer> opened = new ArrayDeque<>();
        int i = 0;
        int n = filter.length();
        while (i < n) {
            char c = filter.charAt(i);
            if (c == '"') {
                int end = endOfString(filter, i);
                out.append(filter, i, end);
                i = end;
            } else if (c == '[') {
                opened.push(out.length());
                out.append(c);
                i++;
            } else if (c == ']' && !opened.isEmpty() && i + 1 < n && filter.charAt(i + 1) == '.') {
                int start = opened.pop();
                int nameEnd = i + 2;
                while (nameEnd < n && isNameChar(filter.charAt(nameEnd))) {
                    nameEnd++;
                }
                int opStart = skipSpaces(filter, nameEnd);
                int opEnd = opStart;
                while (opEnd < n && Character.isLetter(filter.charAt(opEnd))) {
                    opEnd++;
                }
                String op = filter.substring(opStart, opEnd);
                if (nameEnd == i + 2 || op.isEmpty()) {
                    out.append(c);
                    i++;
                    continue;
                }
                int end = op.equalsIgnoreCase("pr") ? opEnd : endOfValue(filter, skipSpaces(filter, opEnd));
                String comparison = filter.substring(i + 2, nameEnd) + " " + op
                        + (op.equalsIgnoreCase("pr") ? "" : " " + filter.substring(skipSpaces(filter, opEnd), end));
                out.insert(start + 1, '(').append(") and ").append(comparison).append(']');
                i = end;
            } else {
                if (c == ']' && !opened.isEmpty()) {
                    opened.pop();
                }
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Just past the string literal starting at {@code i} (or the end of the text when it is not closed). */
    private static int endOfString(String s, int i) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"') {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(j + 1, s.length());
    }

    /** Just past the comparison value starting at {@code i}: a string literal, or a word (true, 42, null). */
    private static int endOfValue(String s, int i) {
        if (i < s.length() && s.charAt(i) == '"') {
            return endOfString(s, i);
        }
        int j = i;
        while (j < s.length() && s.charAt(j) != ' ' && s.charAt(j) != ')' && s.charAt(j) != ']') {
            j++;
        }
        return j;
    }
}
