package io.seatwise.audit.web;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.seatwise.audit.ActivityEntry;
import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.shared.Ids;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts log lines in the reader's words. The action's name is {@code activity.action.<action>}; its details are the
 * message {@code activity.details.<action>} with named arguments ({@code {quantity}}) taken from the line's
 * structured details, once each value is in words itself ({@link ActivityValues}: product names from the catalog,
 * countries, roles, reasons). A line with no such message, or whose details lack a value the message names, is shown
 * as its fields with labels ({@code activity.field.<name>}), never as raw {@code key=value} text.
 */
@Component
class ActivityWords {

    /** A named argument at the start of a placeholder: {@code {quantity}} or {@code {added,choice,...}}. */
    private static final Pattern NAMED = Pattern.compile("\\{([a-zA-Z]\\w*)(?=[,}])");

    private final MessageSource messages;
    private final CatalogService catalog;

    ActivityWords(MessageSource messages, CatalogService catalog) {
        this.messages = messages;
        this.catalog = catalog;
    }

    /** A reader for one page or one export in the request's language; it remembers the product names it looked up. */
    Reader reader() {
        return new Reader(LocaleContextHolder.getLocale());
    }

    /** Lines in words, in one language. */
    final class Reader {

        private final Locale locale;
        private final Map<String, Optional<String>> products = new HashMap<>();
        private final ActivityValues values;

        private Reader(Locale locale) {
            this.locale = locale;
            this.values = new ActivityValues(this::message, this::productName, locale);
        }

        /** The action's name; an action with no name in any bundle shows as its code (it is no class name). */
        String action(String action) {
            String name = message("activity.action." + action);
            return name != null ? name : action;
        }

        String details(ActivityEntry entry) {
            return details(entry.action(), entry.details());
        }

        String details(String action, Map<String, Object> details) {
            Map<String, Object> data = details == null ? Map.of() : details;
            Map<String, Object> words = values.words(action, data);
            String pattern = message("activity.details." + action + values.variant(action, data));
            if (pattern != null) {
                Map<String, Object> args = new java.util.LinkedHashMap<>(words);
                values.derived(data).forEach(args::putIfAbsent);
                String text = format(pattern, args);
                if (text != null) {
                    return text;
                }
            }
            return fields(words);
        }

        /** The fields with labels, in the order they were logged: "User: ida@contoso.com; Quantity: 7". */
        private String fields(Map<String, Object> words) {
            List<String> parts = new ArrayList<>();
            words.forEach((name, value) -> {
                String text = values.text(value);
                if (text != null && !text.isEmpty()) {
                    parts.add(values.field(name, text));
                }
            });
            return String.join("; ", parts);
        }

        /**
         * The pattern with its named arguments filled in, or null when the details lack one. Apostrophes in these
         * messages are plain text (they are doubled here before MessageFormat would take them as quotes).
         */
        private String format(String pattern, Map<String, Object> args) {
            Matcher m = NAMED.matcher(pattern.replace("'", "''"));
            List<String> names = new ArrayList<>();
            StringBuilder indexed = new StringBuilder();
            while (m.find()) {
                String name = m.group(1);
                if (args.get(name) == null) {
                    return null;
                }
                int index = names.indexOf(name);
                if (index < 0) {
                    names.add(name);
                    index = names.size() - 1;
                }
                m.appendReplacement(indexed, Matcher.quoteReplacement("{" + index));
            }
            m.appendTail(indexed);
            Object[] values = names.stream().map(args::get).map(v -> v instanceof Number ? v : this.values.text(v))
                    .toArray();
            return new MessageFormat(indexed.toString(), locale).format(values);
        }

        /** A message of the bundles as written (no arguments applied), or null. */
        private String message(String key) {
            String text = messages.getMessage(key, null, null, locale);
            if (text == null && key.startsWith("activity.action.")) {
                // Actions named under the older prefix (action.<action>) still read.
                text = messages.getMessage(key.substring("activity.".length()), null, null, locale);
            }
            return text;
        }

        /** The catalog's name of a product, or its part number (a product the catalog no longer has). */
        private String productName(Object skuId, Object partNumber) {
            Optional<String> name = skuId == null ? Optional.empty()
                    : products.computeIfAbsent(skuId.toString(), id -> Ids.tryParse(id)
                            .flatMap(uuid -> catalog.findProduct(new SkuId(uuid))).map(Product::productName));
            return name.orElse(partNumber != null ? partNumber.toString() : skuId == null ? null : skuId.toString());
        }
    }
}
