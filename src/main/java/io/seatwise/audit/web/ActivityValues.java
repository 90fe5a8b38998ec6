package io.seatwise.audit.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The values of a log line's details in words: a product id becomes the product's name, a country code the
 * country's name, a role, a reason or a yes/no the words for it, a list one text. What it does not know it leaves
 * as it is (text and numbers need no translation).
 */
final class ActivityValues {

    private final Function<String, String> messages;
    private final BiFunction<Object, Object, String> products;
    private final Locale locale;

    /**
     * @param messages a message as written, or null
     * @param products the name of a product from its id and part number (either may be null)
     */
    ActivityValues(Function<String, String> messages, BiFunction<Object, Object, String> products, Locale locale) {
        this.messages = messages;
        this.products = products;
        this.locale = locale;
    }

    /** Which of an action's messages fits the details: fewer seats read differently from more. */
    String variant(String action, Map<String, Object> details) {
        if ("subscription.seats-changed".equals(action) && details != null
                && details.get("previous") instanceof Number before && details.get("quantity") instanceof Number now
                && now.longValue() < before.longValue()) {
            return ".fewer";
        }
        return "";
    }

    /** The details with every value in words, in the order logged, plus what the messages compute from them. */
    Map<String, Object> words(String action, Map<String, Object> details) {
        Map<String, Object> words = new LinkedHashMap<>();
        details.forEach((name, value) -> {
            switch (name) {
                case "skuId", "sku" -> words.computeIfAbsent("product",
                        k -> products.apply(details.get("skuId"), details.get("sku")));
                case "country", "usageLocation" -> words.put(name, country(value));
                case "role" -> words.put(name, word("role." + value, value));
                case "directoryRole" -> words.put(name, word("users.role." + value, value));
                case "reason" -> words.put(name, word("activity.reason." + value,
                        word("activity.reason.other", value)));
                case "products" -> words.put(name, items(value, this::product));
                case "changes" -> words.put(name, String.join("; ", items(value, this::change)));
                default -> words.put(name, value instanceof Map<?, ?> map ? fields(map) : value);
            }
        });
        return words;
    }

    /**
     * Values the messages compute from the details (not shown as fields of their own): the seats an order added or
     * removed, the owner of a token or account (an agent or a customer's user), an agent's status in words.
     */
    Map<String, Object> derived(Map<String, Object> details) {
        Map<String, Object> derived = new LinkedHashMap<>();
        if (details.get("previous") instanceof Number before && details.get("quantity") instanceof Number now) {
            derived.put("added", now.longValue() - before.longValue());
            derived.put("removed", before.longValue() - now.longValue());
        }
        Object owner = details.containsKey("agent") ? details.get("agent") : details.get("user");
        if (owner != null) {
            derived.put("owner", owner);
        }
        if (details.get("enabled") instanceof Boolean enabled) {
            derived.put("status", word(enabled ? "activity.value.enabled" : "activity.value.disabled", enabled));
        }
        return derived;
    }

    /** A value as text: numbers in the reader's style, yes/no in words, lists joined. */
    String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return NumberFormat.getIntegerInstance(locale).format(n);
        }
        if (value instanceof Boolean b) {
            return word(b ? "activity.value.yes" : "activity.value.no", b);
        }
        if (value instanceof List<?> list) {
            List<String> texts = new ArrayList<>();
            list.forEach(v -> texts.add(v instanceof Map<?, ?> map ? fields(map) : text(v)));
            return String.join(", ", texts);
        }
        if (value instanceof Map<?, ?> map) {
            return fields(map);
        }
        return value.toString();
    }

    /** A field's label: {@code activity.field.<name>}, else the name in words (licensesSuspended: Licenses suspended). */
    String label(String name) {
        String label = messages.apply("activity.field." + name);
        if (label != null) {
            return label;
        }
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ')
                .toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "Seats: 7", in the reader's typography ("Licences : 7"). */
    String field(String name, String text) {
        return messages.apply("activity.item.field").replace("{label}", label(name)).replace("{value}", text);
    }

    private String fields(Map<?, ?> map) {
        List<String> parts = new ArrayList<>();
        map.forEach((k, v) -> parts.add(field(String.valueOf(k), String.valueOf(text(v)))));
        return "(" + String.join(", ", parts) + ")";
    }

    private List<String> items(Object value, Function<Map<?, ?>, String> item) {
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> texts.add(v instanceof Map<?, ?> map ? item.apply(map) : text(v)));
        } else if (value != null) {
            texts.add(text(value));
        }
        return texts;
    }

    /** "Microsoft 365 E3 +3 −1": the seats a license change took and freed. */
    private String product(Map<?, ?> p) {
        String name = products.apply(p.get("skuId"), p.get("sku"));
        String pattern = messages.apply("activity.item.product");
        return pattern.replace("{product}", String.valueOf(name)).replace("{assigned}", count(p.get("assigned")))
                .replace("{freed}", count(p.get("freed")));
    }

    /** "Usage location: Sweden → Norway". */
    private String change(Map<?, ?> c) {
        String field = String.valueOf(c.get("field"));
        return messages.apply("activity.item.change").replace("{field}", label(field))
                .replace("{before}", changed(field, c.get("before")))
                .replace("{after}", changed(field, c.get("after")));
    }

    private String changed(String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return messages.apply("activity.value.none");
        }
        return switch (field) {
            case "usageLocation" -> country(value);
            case "directoryRole" -> word("users.role." + value, value);
            case "signInBlocked" -> text(Boolean.valueOf(value.toString()));
            default -> text(value);
        };
    }

    private String count(Object n) {
        return n == null ? "0" : text(n);
    }

    private String word(String key, Object fallback) {
        String word = messages.apply(key);
        return word != null ? word : fallback == null ? null : fallback.toString();
    }

    /** A country's name in the reader's language ("SE": "Sweden", "Suède"), else the code as logged. */
    private String country(Object code) {
        if (code == null) {
            return null;
        }
        String text = code.toString();
        try {
            String name = new Locale.Builder().setRegion(text).build().getDisplayCountry(locale);
            return name.isEmpty() || name.equals(text) ? text : name;
        } catch (java.util.IllformedLocaleException e) {
            return text;
        }
    }
}
