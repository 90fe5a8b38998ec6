package io.seatwise.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * A column of the users import file. A header cell names a column by its English name, by the API's field name
 * ({@code userPrincipalName}, {@code givenName}…), or by its name in the template of any console language (the
 * {@code users.import.column.*} keys of {@code messages*.properties}); case, spaces, {@code _ - .}, apostrophe
 * style and a note in brackets ("Licenses (optional)") do not matter.
 */
public enum UserImportColumn {

    FIRST_NAME("firstName", "First name", "givenName", "first"),
    LAST_NAME("lastName", "Last name", "surname", "familyName", "last"),
    DISPLAY_NAME("displayName", "Display name", "name", "fullName"),
    USER_NAME("userName", "User name", "userPrincipalName", "upn", "email", "emailAddress", "signInName"),
    /** Not "Country or Region": Microsoft's template has that for the address, in words, not the usage location. */
    USAGE_LOCATION("usageLocation", "Usage location"),
    LICENSES("licenses", "Licenses", "license", "licences", "licence", "products", "skus");

    /** The console's five languages, whose template headers are also accepted; "" is the English base bundle. */
    static final List<Locale> TEMPLATE_LOCALES = List.of(Locale.ROOT, Locale.FRENCH, Locale.forLanguageTag("ru"),
            Locale.SIMPLIFIED_CHINESE, Locale.forLanguageTag("sv"));
    private static final String BUNDLE = "messages";
    private static final Pattern BRACKETED = Pattern.compile("[(\\[（][^)\\]）]*[)\\]）]");
    private static final Pattern IGNORED = Pattern.compile("[\\s_\\-.\u00a0\u200b\ufeff]+");
    private static final Map<String, UserImportColumn> BY_NAME = names();

    private final String property;
    private final String englishName;
    private final List<String> aliases;

    UserImportColumn(String property, String englishName, String... aliases) {
        this.property = property;
        this.englishName = englishName;
        this.aliases = List.of(aliases);
    }

    /** The column's name in English, as the template's header and the problems' messages write it. */
    public String englishName() {
        return englishName;
    }

    /** The message key of the column's name in the console's languages. */
    public String messageKey() {
        return "users.import.column." + property;
    }

    /** The column's name in the template for a console language (English when the language has none). */
    public String label(Locale locale) {
        return bundle(locale).getString(messageKey());
    }

    /** The column a header cell names, or null for a column the import ignores. */
    static UserImportColumn forHeader(String header) {
        return header == null ? null : BY_NAME.get(normalize(header));
    }

    static String normalize(String header) {
        String text = Normalizer.normalize(header, Normalizer.Form.NFKC);
        text = BRACKETED.matcher(text).replaceAll("");
        text = IGNORED.matcher(text).replaceAll("");
        return text.replace('\u2019', '\'').replace('\u02bc', '\'').toLowerCase(Locale.ROOT);
    }

    private static Map<String, UserImportColumn> names() {
        Map<String, UserImportColumn> names = new HashMap<>();
        for (UserImportColumn column : values()) {
            add(names, column.property, column);
            add(names, column.englishName, column);
            column.aliases.forEach(alias -> add(names, alias, column));
            for (Locale locale : TEMPLATE_LOCALES) {
                add(names, column.label(locale), column);
            }
        }
        return Map.copyOf(names);
    }

    private static void add(Map<String, UserImportColumn> names, String name, UserImportColumn column) {
        UserImportColumn before = names.putIfAbsent(normalize(name), column);
        if (before != null && before != column) {
            // A translation that names two columns would silently read one as the other.
            throw new IllegalStateException("'" + name + "' names both " + before + " and " + column);
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        try {
            return ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException noSuchLanguage) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
    }
}
