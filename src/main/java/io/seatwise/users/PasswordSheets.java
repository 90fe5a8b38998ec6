package io.seatwise.users;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.CleanText;
import io.seatwise.shared.CsvCells;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.Sealer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confirmation's password sheet (product.md, "Add user" and "Import users"): the users just created or reset
 * with their temporary passwords, kept encrypted ({@link Sealer}) for the agent who created them, until it is
 * downloaded as CSV (once) and sent by mail (once) or it expires ({@code seatwise.password-sheet-validity},
 * default 1 hour). Once both are done, or at expiry, the passwords are gone for good.
 */
@Service
@Transactional
public class PasswordSheets {

    /** One line of a sheet. */
    public record Entry(String userPrincipalName, String displayName, String temporaryPassword) {

        /** Never the password: a record's own toString would put it in any log that prints this. */
        @Override
        public String toString() {
            return "Entry[userPrincipalName=" + userPrincipalName + ", temporaryPassword=(hidden)]";
        }
    }

    /** What is left of a sheet: how many users, and which of download and mail were used. */
    public record Status(UUID id, int entries, boolean downloaded, boolean emailed, Instant expiresAt) {
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    static final int GROUP = 250;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Sealer sealer;
    private final CustomersService customers;
    private final ObjectProvider<JavaMailSender> mail;
    private final Duration validity;
    private final String from;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final MessageSource text;

    PasswordSheets(JdbcClient jdbc, JdbcTemplate template, Sealer sealer, CustomersService customers,
            ObjectProvider<JavaMailSender> mail, org.springframework.context.ApplicationEventPublisher events,
            MessageSource text,
            @Value("${seatwise.password-sheet-validity:1h}") Duration validity,
            @Value("${seatwise.mail.from:seatwise@localhost}") String from) {
        this.jdbc = jdbc;
        this.template = template;
        this.sealer = sealer;
        this.customers = customers;
        this.mail = mail;
        this.validity = validity;
        this.from = from;
        this.events = events;
        this.text = text;
    }

    /** A new, empty sheet of the current actor's. */
    @PreAuthorize("hasAuthority('users:write')")
    public UUID open(CustomerId customer) {
        UUID id = Ids.next();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO password_sheet (customer_id, id, created_by, created_at, expires_at, entries)
                VALUES (:c, :id, :by, :at, :expires, 0)
                """)
                .param("c", customer.value()).param("id", id).param("by", CurrentActor.name())
                .param("at", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(validity))).update();
        return id;
    }

    /**
     * Adds lines to a sheet of the current actor's. Lines are sealed a group at a time ({@value #GROUP} a row):
     * one encryption and one row per group keeps an import of 100,000 users quick.
     */
    @PreAuthorize("hasAuthority('users:write')")
    public void add(CustomerId customer, UUID sheet, List<Entry> entries) {
        add(customer, sheet, seal(entries));
    }

    /** Entries encrypted, {@value #GROUP} to a row, ready to add: the costly part, which needs no transaction. */
    public record Sealed(int entries, List<String> groups) {
    }

    /** Seals entries for {@link #add(CustomerId, UUID, Sealed)} (an import does it on its reader thread). */
    public Sealed seal(List<Entry> entries) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < entries.size(); i += GROUP) {
            groups.add(sealer.seal(encode(entries.subList(i, Math.min(entries.size(), i + GROUP)))));
        }
        return new Sealed(entries.size(), groups);
    }

    @PreAuthorize("hasAuthority('users:write')")
    public void add(CustomerId customer, UUID sheet, Sealed sealed) {
        Status status = status(customer, sheet);
        if (status.downloaded() || status.emailed()) {
            throw DomainException.conflict("sheet-closed", null, "this sheet was already handed out");
        }
        int next = jdbc.sql("SELECT COALESCE(max(seq) + 1, 0) FROM password_sheet_entry WHERE customer_id = :c "
                        + "AND sheet_id = :id")
                .param("c", customer.value()).param("id", sheet).query(Integer.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (String group : sealed.groups()) {
            rows.add(new Object[] {customer.value(), sheet, next++, group});
        }
        template.batchUpdate("INSERT INTO password_sheet_entry (customer_id, sheet_id, seq, sealed) VALUES (?, ?, ?, ?)",
                rows);
        jdbc.sql("UPDATE password_sheet SET entries = entries + :n WHERE customer_id = :c AND id = :id")
                .param("n", sealed.entries()).param("c", customer.value()).param("id", sheet).update();
    }

    private static byte[] encode(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (Entry e : entries) {
                out.writeUTF(e.userPrincipalName());
                out.writeUTF(e.displayName());
                out.writeUTF(e.temporaryPassword());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<Entry> decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int n = in.readInt();
            List<Entry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entries.add(new Entry(in.readUTF(), in.readUTF(), in.readUTF()));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheet's state; 404 when it is not the current actor's, gone or expired. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:write')")
    public Status status(CustomerId customer, UUID sheet) {
        customers.require(customer);
        return jdbc.sql("""
                SELECT id, entries, downloaded, emailed, expires_at FROM password_sheet
                WHERE customer_id = :c AND id = :id AND created_by = :by AND expires_at > :now
                """)
                .param("c", customer.value()).param("id", sheet).param("by", CurrentActor.name())
                .param("now", Timestamp.from(Instant.now()))
                .query((rs, n) -> new Status(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getTimestamp(5).toInstant()))
                .optional().orElseThrow(() -> DomainException.notFound("password sheet"));
    }

    /** The lines, for the confirmation page while the sheet is open; the passwords stay on the server after. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:write')")
    public List<Entry> entries(CustomerId customer, UUID sheet) {
        status(customer, sheet);
        return readEntries(customer, sheet);
    }

    /** The lines of a sheet whose status was just read. */
    private List<Entry> readEntries(CustomerId customer, UUID sheet) {
        return jdbc.sql("SELECT sealed FROM password_sheet_entry WHERE customer_id = :c AND sheet_id = :id "
                        + "ORDER BY seq")
                .param("c", customer.value()).param("id", sheet).query(String.class).list().stream()
                .flatMap(sealed -> decode(sealer.openBytes(sealed)).stream()).toList();
    }

    /** The sheet as CSV (UTF-8 with BOM, for Excel), once; answers 409 passwords-gone the second time. */
    @PreAuthorize("hasAuthority('users:write')")
    public byte[] download(CustomerId customer, UUID sheet) {
        Status status = status(customer, sheet);
        // Taken first, and only if not taken yet: of two downloads at once, the second waits for the first and
        // then finds the flag set (the row stays locked until this transaction ends).
        if (status.downloaded() || !take(customer, sheet, "downloaded")) {
            throw DomainException.conflict("passwords-gone", null,
                    "the passwords were downloaded once already and are not kept for another download");
        }
        byte[] csv = csv(readEntries(customer, sheet), header(LocaleContextHolder.getLocale()));
        forgetIfDone(customer, sheet);
        events.publishEvent(new UserEvents.PasswordsHandedOut(customer, sheet, status.entries(), null));
        return csv;
    }

    /** Sends the sheet as a CSV attachment to an address the agent gives, once. */
    @PreAuthorize("hasAuthority('users:write')")
    public void email(CustomerId customer, UUID sheet, String to) {
        String address = to == null ? "" : CleanText.check(to.strip(), "to");
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw DomainException.invalid("validation", "to", "'" + address + "' is not an email address");
        }
        Status status = status(customer, sheet);
        if (status.emailed() || !take(customer, sheet, "emailed")) {
            throw DomainException.conflict("passwords-gone", null, "the passwords were already sent by mail once");
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw DomainException.conflict("mail-not-configured", "to",
                    "no mail server is configured (spring.mail.host); download the CSV instead");
        }
        Locale locale = LocaleContextHolder.getLocale();
        byte[] csv = csv(readEntries(customer, sheet), header(locale));
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(address);
            helper.setSubject(text.getMessage("passwordsheet.mail.subject", new Object[] {status.entries()},
                    locale));
            helper.setText(text.getMessage("passwordsheet.mail.body", new Object[] {status.entries()}, locale));
            helper.addAttachment(text.getMessage("passwordsheet.mail.file", null, locale),
                    new ByteArrayResource(csv), "text/csv");
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw DomainException.conflict("mail-failed", "to", "the mail could not be sent: " + e.getMessage());
        }
        forgetIfDone(customer, sheet);
        events.publishEvent(new UserEvents.PasswordsHandedOut(customer, sheet, status.entries(), address));
    }

    /** Deletes sheets past their expiry, with their passwords; every five minutes, on one instance at a time. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${seatwise.password-sheet-sweep:PT5M}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "forget-password-sheets", lockAtMostFor = "PT10M")
    public void forgetExpired() {
        jdbc.sql("DELETE FROM password_sheet WHERE expires_at <= :now")
                .param("now", Timestamp.from(Instant.now())).update();
    }

    /**
     * Sets a hand-out flag ({@code downloaded} or {@code emailed}) if it is not set yet; false when it was. A mail
     * that then fails rolls it back with the rest of the transaction.
     */
    private boolean take(CustomerId customer, UUID sheet, String flag) {
        return jdbc.sql("UPDATE password_sheet SET " + flag + " = TRUE WHERE customer_id = :c AND id = :id AND NOT "
                        + flag)
                .param("c", customer.value()).param("id", sheet).update() == 1;
    }

    private void forgetIfDone(CustomerId customer, UUID sheet) {
        jdbc.sql("DELETE FROM password_sheet_entry WHERE customer_id = :c AND sheet_id = :id AND EXISTS ("
                        + "SELECT 1 FROM password_sheet s WHERE s.customer_id = :c AND s.id = :id AND s.downloaded "
                        + "AND s.emailed)")
                .param("c", customer.value()).param("id", sheet).update();
    }

    /** The CSV's column names in the language of the request (of the console, or the API's Accept-Language). */
    private List<String> header(Locale locale) {
        return List.of(text.getMessage("passwordsheet.userName", null, locale),
                text.getMessage("passwordsheet.displayName", null, locale),
                text.getMessage("passwordsheet.password", null, locale));
    }

    /** CSV for Excel: UTF-8 with BOM; every cell stays text ({@link CsvCells#safe}). */
    static byte[] csv(List<Entry> entries, List<String> header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvCells.Sheet printer = CsvCells.excel(new OutputStreamWriter(out, StandardCharsets.UTF_8), header)) {
            for (Entry e : entries) {
                printer.row(e.userPrincipalName(), e.displayName(), e.temporaryPassword());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
