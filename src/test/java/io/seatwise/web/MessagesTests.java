package io.seatwise.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible string of the console exists in all five languages, and every key a page uses exists. */
class MessagesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path CONSOLE_CODE = Path.of("src/main/java/io/seatwise");
    /** A literal message key in a template: #{key} or #{key(args)}; #{${...}} keys are computed and checked below. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
    /** A call of ConsoleMessages.get in console code, up to the end of its statement. */
    private static final Pattern CODE_CALL = Pattern.compile("messages\\.get\\(([^;]*)");
    /** A string literal in it that is a whole key ("agents.enable", not the prefix "role."). */
    private static final Pattern CODE_KEY = Pattern.compile("\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    /** Words that are the same in English and in that language; anything else identical is an untranslated line. */
    private static final Map<String, Set<String>> SAME_AS_ENGLISH = Map.of(
            "fr", Set.of("common.actions", "layout.menu", "nav.agents", "paging.label", "subscriptions.total",
                    "agents.title", "activity.action", "activity.field.agent", "activity.field.minutes",
                    "activity.field.division"),
            "ru", Set.of("activity.item.change", "activity.item.field"),
            "zh_CN", Set.of("passwordsheet.mail.file"),
            "sv", Set.of("agents.status", "tokens.status", "tokens.token", "licenses.csv.status",
                    "activity.field.agent", "activity.item.change", "activity.item.field", "activity.field.division"));

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ru", "zh_CN", "sv"})
    void everyKeyIsTranslated(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties other = load("messages_" + language + ".properties");

        Set<String> missing = new TreeSet<>();
        Set<String> untranslated = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String value = other.getProperty(key);
            if (value == null || value.isBlank()) {
                missing.add(key);
            } else if (value.equals(english.getProperty(key)) && !SAME_AS_ENGLISH.get(language).contains(key)) {
                untranslated.add(key);
            }
        }
        Set<String> stale = new TreeSet<>(other.stringPropertyNames());
        stale.removeAll(english.stringPropertyNames());

        assertThat(missing).as("keys missing or empty in messages_%s.properties", language).isEmpty();
        assertThat(untranslated).as("values still in English in messages_%s.properties", language).isEmpty();
        assertThat(stale).as("keys in messages_%s.properties that messages.properties no longer has", language)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_fr", "_ru", "_zh_CN", "_sv"})
    void apostrophesSurviveMessageFormat(String suffix) throws IOException {
        // With arguments, MessageFormat eats a single quote; without, Spring returns the text as written.
        Properties messages = load("messages" + suffix + ".properties");
        List<String> wrong = new ArrayList<>();
        for (String key : messages.stringPropertyNames()) {
            String value = messages.getProperty(key);
            boolean formatted = ARGUMENT.matcher(value).find();
            if (formatted && LONE_QUOTE.matcher(value).find() || !formatted && value.contains("''")) {
                wrong.add(key);
            }
        }
        assertThat(wrong).as("apostrophes in messages%s.properties", suffix).isEmpty();
    }

    @Test
    void englishCountsSayOneUserNotOneUsers() {
        var source = new org.springframework.context.support.ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        java.util.Locale en = java.util.Locale.ENGLISH;
        assertThat(source.getMessage("licenses.holdersPage", new Object[] {1, 1, 1}, en))
                .isEqualTo("Page 1 of 1 · 1 user");
        assertThat(source.getMessage("licenses.holdersPage", new Object[] {1, 3, 12_345}, en))
                .isEqualTo("Page 1 of 3 · 12,345 users");
        assertThat(source.getMessage("subscriptions.added", new Object[] {"E3", 1}, en))
                .isEqualTo("Subscription to E3 added with 1 seat.");
        assertThat(source.getMessage("licenses.short", new Object[] {"E3", 1, 0, 1}, en))
                .isEqualTo("E3 needs 1 license, 0 available (1 missing).");
        assertThat(source.getMessage("buyMore.done", new Object[] {1, "E3", 3}, en))
                .isEqualTo("Bought 1 more seat of E3. The total is now 3.");
        assertThat(source.getMessage("buyMore.question", new Object[] {12, "E3", 1_012}, en))
                .isEqualTo("Buy 12 more seats of E3? The total will become 1,012.");
        assertThat(source.getMessage("licenses.undo.done", new Object[] {1, 0}, en))
                .isEqualTo("The change was undone: 1 user reverted, 0 could not be.");
        assertThat(source.getMessage("licenses.holdersPage", new Object[] {1, 1, 2}, java.util.Locale.FRENCH))
                .isEqualTo("Page 1 sur 1 · 2 utilisateurs");
        assertThat(source.getMessage("userlist.selectAllMatching", new Object[] {1L}, en))
                .isEqualTo("Select the 1 matching user");
        assertThat(source.getMessage("userlist.selectAllMatching", new Object[] {1_000_000L}, en))
                .isEqualTo("Select all 1,000,000 matching users");
        assertThat(source.getMessage("licenses.preview.counts", new Object[] {1, 1, 0}, en))
                .isEqualTo("1 selected user: 1 will succeed, 0 will fail.");
        assertThat(source.getMessage("buyMore.question", new Object[] {1, "E3", 11}, java.util.Locale.FRENCH))
                .isEqualTo("Acheter 1 licence supplémentaire de E3 ? Le total passera à 11.");
        assertThat(source.getMessage("licenses.short", new Object[] {"E3", 1, 1, 1}, java.util.Locale.FRENCH))
                .isEqualTo("E3 nécessite 1 licence, 1 disponible (1 manquante).");
        assertThat(source.getMessage("userimport.create", new Object[] {1}, java.util.Locale.forLanguageTag("sv")))
                .isEqualTo("Skapa 1 giltig användare");
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (!english.containsKey(m.group(1))) {
                        unknown.add(TEMPLATES.relativize(file) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(unknown).as("message keys used by templates but missing in messages.properties").isEmpty();
    }

    @Test
    void everyKeyTheConsoleControllersUseExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> unknown = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE_CODE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher call = CODE_CALL.matcher(Files.readString(file));
                while (call.find()) {
                    Matcher m = CODE_KEY.matcher(call.group(1));
                    while (m.find()) {
                        if (!english.containsKey(m.group(1))) {
                            unknown.add(file.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(unknown).as("message keys used by console code but missing in messages.properties").isEmpty();
    }

    /**
     * Keys the pages compute from enums and from the actions the log writes. The types are named, not imported:
     * the feature modules depend on web, so a test in web that depended on them would make a module cycle.
     */
    @Test
    void everyComputedKeyExists() throws Exception {
        Properties english = load("messages.properties");
        List<String> keys = new ArrayList<>();
        for (Object role : Class.forName("io.seatwise.access.Role").getEnumConstants()) {
            keys.add("role." + ((Enum<?>) role).name());
        }
        for (Object role : Class.forName("io.seatwise.users.DirectoryRole").getEnumConstants()) {
            keys.add("users.role." + ((Enum<?>) role).name());
        }
        Field actions = Class.forName("io.seatwise.audit.web.ActivityController").getDeclaredField("ACTIONS");
        actions.setAccessible(true);
        for (Object action : (List<?>) actions.get(null)) {
            keys.add("activity.action." + action);
            keys.add("activity.details." + action);
        }
        Class<?> usersPage = Class.forName("io.seatwise.users.web.CustomerUsersController");
        for (String choices : List.of("FILTERS", "SORTS")) {
            Field field = usersPage.getDeclaredField(choices);
            field.setAccessible(true);
            for (Object choice : (List<?>) field.get(null)) {
                java.lang.reflect.Method label = choice.getClass().getDeclaredMethod("label");
                label.setAccessible(true);
                keys.add((String) label.invoke(choice));
            }
        }
        assertThat(keys).allSatisfy(key -> assertThat(english.getProperty(key)).as(key).isNotBlank());
    }
}
