package io.seatwise.passwordsheets.web;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The sheet page's errors in the console's words: the user pages' messages ({@code useradd.error.<type>.<field>},
 * then {@code useradd.error.<type>}), then the console's general ones; and the ids of its paths.
 */
@Component
class SheetForms {

    private final MessageSource source;
    private final ConsoleMessages messages;

    SheetForms(MessageSource source, ConsoleMessages messages) {
        this.source = source;
        this.messages = messages;
    }

    /** The error next to its field when the form has that field, else on the form. */
    FormErrors errors(DomainException e, Set<String> fields) {
        return FormErrors.of(e.field() != null && fields.contains(e.field()) ? e.field() : null, text(e));
    }

    private String text(DomainException e) {
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

    static CustomerId customerId(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }

    static UUID sheetId(String id) {
        return Ids.parse(id, "password sheet");
    }
}
