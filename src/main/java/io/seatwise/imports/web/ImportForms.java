package io.seatwise.imports.web;

import java.util.Locale;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.web.ConsoleMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The import pages' words for errors and license failures, in the user pages' messages ({@code
 * useradd.error.<type>}, {@code userdeleted.reason.<code>}) before the console's general ones; and the ids of
 * their paths.
 */
@Component
class ImportForms {

    private final MessageSource source;
    private final ConsoleMessages messages;

    ImportForms(MessageSource source, ConsoleMessages messages) {
        this.source = source;
        this.messages = messages;
    }

    /** The error in words. */
    String text(DomainException e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (e.field() != null) {
            String text = source.getMessage("useradd.error." + e.type() + "." + e.field(), null, null, locale);
            if (text != null) {
                return text;
            }
        }
        String text = source.getMessage("useradd.error." + e.type(), null, null, locale);
        return text != null ? text : messages.text(e);
    }

    /** A license failure code (CountViolation…) in words; the service's words else. */
    String reason(String code, String fallback) {
        String text = source.getMessage("userdeleted.reason." + code, null, null, LocaleContextHolder.getLocale());
        return text != null ? text : fallback;
    }

    static CustomerId customerId(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }

    static UUID jobId(String id) {
        return Ids.parse(id, "import");
    }
}
