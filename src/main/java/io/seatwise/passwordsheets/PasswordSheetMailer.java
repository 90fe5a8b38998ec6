package io.seatwise.passwordsheets;

import java.util.Locale;

import io.seatwise.shared.DomainException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a password sheet as a CSV attachment, subject and body in the language of the request, from
 * {@code seatwise.mail.from}. Refuses with {@code mail-not-configured} when no mail server is configured
 * ({@code spring.mail.host}) and {@code mail-failed} when the server does not take the mail.
 */
@Component
class PasswordSheetMailer {

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource text;
    private final String from;

    PasswordSheetMailer(ObjectProvider<JavaMailSender> mail, MessageSource text,
            @Value("${seatwise.mail.from:seatwise@localhost}") String from) {
        this.mail = mail;
        this.text = text;
        this.from = from;
    }

    /** Sends the CSV of a sheet of {@code users} lines to {@code to}. */
    void send(String to, int users, byte[] csv, Locale locale) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw DomainException.conflict("mail-not-configured", "to",
                    "no mail server is configured (spring.mail.host); download the CSV instead");
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(text.getMessage("passwordsheet.mail.subject", new Object[] {users}, locale));
            helper.setText(text.getMessage("passwordsheet.mail.body", new Object[] {users}, locale));
            helper.addAttachment(text.getMessage("passwordsheet.mail.file", null, locale),
                    new ByteArrayResource(csv), "text/csv");
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw DomainException.conflict("mail-failed", "to", "the mail could not be sent: " + e.getMessage());
        }
    }
}
