package io.seatwise.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.imports.UserImportProblem.Code;
import io.seatwise.shared.CleanText;
import io.seatwise.shared.Countries;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.NewUser;

/**
 * Checks the rows of one users import file against the user-account rules of {@link NewUser}, the customer's
 * domains and subscribed products, and the rows before it (a user name given twice). Each row comes out valid, as
 * the {@link NewUser} to create and the products to assign, or with every problem it has.
 *
 * <pre>{@code
 * UserImportValidator validator = new UserImportValidator(customer.domains(), subscribedProducts);
 * file.rows().map(validator::validate).forEach(result -> {
 *     if (result instanceof UserImportValidator.Valid valid) {
 *         ... // valid.user(), valid.licenses()
 *     } else if (result instanceof UserImportValidator.Invalid invalid) {
 *         ... // invalid.problems()
 *     }
 * });
 * }</pre>
 *
 * One validator per file, since it remembers the user names seen (one string and line per row, never the rows);
 * not thread-safe. Whether a user name exists already is for the caller to check against the database.
 */
final class UserImportValidator {

    /** A row checked: {@link Valid} or {@link Invalid}. */
    sealed interface RowResult permits Valid, Invalid {
        long line();
    }

    /**
     * A row that can be created: user name with the domain lower-cased, names stripped, display name defaulted to
     * "first last", usage location upper-cased or null (the caller defaults it to the customer's country), role
     * none; the products to assign, each once, in the order the cell gives them.
     */
    record Valid(long line, NewUser user, List<SkuId> licenses) implements RowResult {
    }

    /** A row that cannot be created, with all its problems. */
    record Invalid(long line, List<UserImportProblem> problems) implements RowResult {
    }

    private final Set<String> domains;
    private final Map<String, List<SkuId>> products;
    /** First line of each user name seen, lower-cased. */
    private final Map<String, Long> seen = new HashMap<>();

    /**
     * @param domains the customer's domains (any case)
     * @param products the products the customer subscribes to; a Licenses cell names them by part number
     *        ({@code ENTERPRISEPACK}), product name ({@code Office 365 E3}) or product id, in any case
     */
    UserImportValidator(Collection<String> domains, Collection<Product> products) {
        this.domains = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.domains.addAll(domains);
        this.products = new HashMap<>();
        for (Product product : products) {
            for (String name : List.of(product.skuPartNumber(), product.productName(), product.skuId().toString())) {
                List<SkuId> skus = this.products.computeIfAbsent(key(name), k -> new ArrayList<>(1));
                if (!skus.contains(product.skuId())) {
                    skus.add(product.skuId());
                }
            }
        }
    }

    RowResult validate(UserImportRow row) {
        List<UserImportProblem> problems = new ArrayList<>(0);
        String firstName = text(row, UserImportColumn.FIRST_NAME, NewUser.MAX_NAME, problems);
        String lastName = text(row, UserImportColumn.LAST_NAME, NewUser.MAX_NAME, problems);
        String displayName = text(row, UserImportColumn.DISPLAY_NAME, NewUser.MAX_DISPLAY_NAME, problems);
        if (row.displayName() == null && row.firstName() == null && row.lastName() == null) {
            problems.add(problem(row, UserImportColumn.DISPLAY_NAME, Code.MISSING_FIELD,
                    "Display name is empty, and so are First name and Last name to make it from"));
        }
        String userName = userName(row, problems);
        String usageLocation = usageLocation(row, problems);
        List<SkuId> licenses = licenses(row, problems);
        if (!problems.isEmpty()) {
            return new Invalid(row.line(), List.copyOf(problems));
        }
        return new Valid(row.line(), new NewUser(userName, firstName, lastName, displayName, usageLocation,
                DirectoryRole.NONE), licenses);
    }

    /** A name cell: clean text ({@link CleanText}) in NFC, as {@link NewUser} keeps it, within its length. */
    private static String text(UserImportRow row, UserImportColumn column, int max, List<UserImportProblem> problems) {
        String value = row.get(column);
        if (!clean(row, column, value, problems)) {
            return null;
        }
        value = CleanText.nfc(value);
        if (value != null && value.length() > max) {
            problems.add(problem(row, column, Code.TOO_LONG, column.englishName() + " is longer than " + max
                    + " characters (" + value.length() + ")"));
        }
        return value;
    }

    private String userName(UserImportRow row, List<UserImportProblem> problems) {
        String value = row.userName();
        if (value == null) {
            problems.add(problem(row, UserImportColumn.USER_NAME, Code.MISSING_FIELD, "User name is empty"));
            return null;
        }
        if (!clean(row, UserImportColumn.USER_NAME, value, problems)) {
            return null;
        }
        NewUser.UserNameFault fault = NewUser.userNameFault(value);
        if (fault != null) {
            problems.add(switch (fault) {
                case TOO_LONG -> problem(row, UserImportColumn.USER_NAME, Code.TOO_LONG, "User name is longer than "
                        + NewUser.MAX_USER_NAME + " characters (" + value.length() + ")");
                case LOCAL_PART_TOO_LONG -> problem(row, UserImportColumn.USER_NAME, Code.TOO_LONG, "the part of '"
                        + value + "' before the @ is longer than " + NewUser.MAX_LOCAL_PART + " characters");
                case MISSING, MALFORMED -> problem(row, UserImportColumn.USER_NAME, Code.MALFORMED_USER_NAME, "'"
                        + value + "' is not a valid user name (name@domain)");
            });
            return null;
        }
        String userName = NewUser.normalizeUserName(value);
        String domain = userName.substring(userName.lastIndexOf('@') + 1);
        if (!domains.contains(domain)) {
            problems.add(problem(row, UserImportColumn.USER_NAME, Code.DOMAIN_NOT_OWNED, "domain " + domain
                    + " is not one of the customer's domains (" + String.join(", ", domains) + ")"));
            return null;
        }
        Long firstLine = seen.putIfAbsent(userName.toLowerCase(Locale.ROOT), row.line());
        if (firstLine != null) {
            problems.add(problem(row, UserImportColumn.USER_NAME, Code.DUPLICATE_IN_FILE, "user name " + userName
                    + " is already on line " + firstLine));
        }
        return userName;
    }

    private static String usageLocation(UserImportRow row, List<UserImportProblem> problems) {
        String value = row.usageLocation();
        if (value == null) {
            return null;
        }
        if (!Countries.isValid(value)) {
            problems.add(problem(row, UserImportColumn.USAGE_LOCATION, Code.BAD_LOCATION, "'" + value
                    + "' is not an ISO 3166 country code (two letters, such as US, FR or SE)"));
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }

    /**
     * A comma also separates products, since a spreadsheet user may well write one, but only where the whole text
     * names no product: product names can contain commas themselves.
     */
    private List<SkuId> licenses(UserImportRow row, List<UserImportProblem> problems) {
        String value = row.licenses();
        if (value == null) {
            return List.of();
        }
        Set<SkuId> skus = new LinkedHashSet<>();
        for (String token : splitLicenses(value)) {
            String name = UserImportRow.clean(token);
            if (name == null) {
                continue;
            }
            List<SkuId> found = products.get(key(name));
            if (found == null && name.indexOf(',') >= 0) {
                for (String part : name.split(",")) {
                    String partName = UserImportRow.clean(part);
                    if (partName != null) {
                        resolve(row, partName, skus, problems);
                    }
                }
            } else {
                resolve(row, name, skus, problems);
            }
        }
        return List.copyOf(skus);
    }

    private void resolve(UserImportRow row, String name, Set<SkuId> skus, List<UserImportProblem> problems) {
        List<SkuId> found = products.get(key(name));
        if (found == null) {
            problems.add(problem(row, UserImportColumn.LICENSES, Code.UNKNOWN_PRODUCT, "unknown product '" + name
                    + "': not the part number or name of a product the customer subscribes to"));
        } else if (found.size() > 1) {
            problems.add(problem(row, UserImportColumn.LICENSES, Code.UNKNOWN_PRODUCT, "'" + name + "' names "
                    + found.size() + " of the customer's products; use the part number"));
        } else {
            skus.add(found.get(0));
        }
    }

    /** Products in a Licenses cell: semicolons, or line breaks (Alt+Enter in an Excel cell). */
    private static List<String> splitLicenses(String cell) {
        List<String> tokens = new ArrayList<>(2);
        int start = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ';' || c == '\n' || c == '\r') {
                tokens.add(cell.substring(start, i));
                start = i + 1;
            }
        }
        tokens.add(cell.substring(start));
        return tokens;
    }

    /** A product name as looked up: trimmed, lower-cased, runs of spaces as one. */
    private static String key(String name) {
        String text = UserImportRow.clean(name);
        if (text == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space) {
                    key.append(' ');
                    space = false;
                }
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /** False, with the problem noted, when the cell holds a character {@link CleanText} refuses. */
    private static boolean clean(UserImportRow row, UserImportColumn column, String value,
            List<UserImportProblem> problems) {
        Optional<CleanText.Fault> fault = CleanText.fault(value);
        fault.ifPresent(f -> problems.add(problem(row, column, Code.INVALID_CHARACTERS, column.englishName()
                + " contains a character that is not allowed: " + f)));
        return fault.isEmpty();
    }

    private static UserImportProblem problem(UserImportRow row, UserImportColumn column, Code code, String message) {
        return new UserImportProblem(row.line(), column, code, message);
    }
}
