package io.seatwise.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.seatwise.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns domain errors into the console's language. The services speak English for the API; the console looks up
 * {@code error.<type>.<field>}, then {@code error.<type>}, and shows the service's own words only when neither
 * exists, so a new error is never hidden.
 */
@Component
public class ConsoleMessages {

    private static final Pattern INDEXED = Pattern.compile("^(.*)\\[(\\d+)]$");

    private final MessageSource messages;

    ConsoleMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** A message of messages*.properties in the request's language. */
    public String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A message in the request's language, or the fallback where there is no such key (a computed key). */
    public String getOrDefault(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }

    /** The error as form errors: on its field ({@code domains[2]} counts as {@code domains}) or on the form. */
    public FormErrors errors(DomainException e) {
        return errors(e, List.of());
    }

    /** As {@link #errors(DomainException)}, where {@code items} are the values an indexed field counts in. */
    public FormErrors errors(DomainException e, List<String> items) {
        return FormErrors.of(field(e), text(e, items));
    }

    public String text(DomainException e) {
        return text(e, List.of());
    }

    /**
     * The error in the words of a page's own messages, {@code <prefix>.<type>.<field>} then
     * {@code <prefix>.<type>} (the user, import and sheet pages share {@code useradd.error}), else as
     * {@link #text(DomainException)}.
     */
    public String text(String prefix, DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (e.field() != null) {
            String text = messages.getMessage(prefix + "." + e.type() + "." + e.field(), null, null, locale);
            if (text != null) {
                return text;
            }
        }
        String text = messages.getMessage(prefix + "." + e.type(), null, null, locale);
        return text != null ? text : text(e);
    }

    /**
     * The error in the request's language. An indexed field ({@code domains[2]}) looks up
     * {@code error.<type>.<field>.item} first. Arguments: {0} the item's line (from 1), {1} the offending value
     * (the {@code domain} property, else the item), {2} {@code assigned} and {3} {@code requested} where the error
     * has them.
     */
    public String text(DomainException e, List<String> items) {
        String field = field(e);
        Integer index = null;
        if (e.field() != null) {
            Matcher m = INDEXED.matcher(e.field());
            if (m.matches()) {
                index = Integer.parseInt(m.group(2));
            }
        }
        Object value = e.properties().get("domain");
        if (value == null && index != null && index < items.size()) {
            value = items.get(index);
        }
        Object[] args = {index == null ? null : index + 1, value, e.properties().get("assigned"),
                e.properties().get("requested")};
        if (java.util.Arrays.stream(args).allMatch(java.util.Objects::isNull)) {
            // No arguments: the message is taken as written (MessageFormat would eat the apostrophes of "l'une")
            args = null;
        }
        List<String> codes = new ArrayList<>();
        if (field != null && index != null) {
            codes.add("error." + e.type() + "." + field + ".item");
        }
        if (field != null) {
            codes.add("error." + e.type() + "." + field);
        }
        codes.add("error." + e.type());
        Locale locale = LocaleContextHolder.getLocale();
        for (String code : codes) {
            // Not a default message: the service's text may hold quotes that MessageFormat would eat.
            String text = messages.getMessage(code, args, null, locale);
            if (text != null) {
                return text;
            }
        }
        return e.getMessage();
    }

    /**
     * The error for an error page: as {@link #text(DomainException)} where a message of the request's language
     * says it; the service's own (English) words only in English; else null, and the page says it in general terms.
     */
    public String pageText(DomainException e) {
        String text = text(e);
        boolean own = text != null && text.equals(e.getMessage());
        return own && !"en".equals(LocaleContextHolder.getLocale().getLanguage()) ? null : text;
    }

    private static String field(DomainException e) {
        if (e.field() == null) {
            return null;
        }
        Matcher m = INDEXED.matcher(e.field());
        return m.matches() ? m.group(1) : e.field();
    }
}
