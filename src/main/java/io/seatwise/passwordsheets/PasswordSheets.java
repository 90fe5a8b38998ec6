package io.seatwise.passwordsheets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.passwordsheets.PasswordSheetRepository.HandOut;
import io.seatwise.shared.CleanText;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.Sealer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confirmation's password sheet (product.md, "Add user" and "Import users"): the users just created with their
 * temporary passwords, kept encrypted ({@link Sealer}, see {@link SheetSealing}) for the agent who created them,
 * until it is downloaded as CSV (once) and sent by mail (once) or it expires ({@code seatwise.password-sheet-validity},
 * default 1 hour). Once both are done, or at expiry, the passwords are gone for good. The SQL is
 * {@link PasswordSheetRepository}'s, the CSV {@link PasswordSheetCsv}'s, the mail {@link PasswordSheetMailer}'s.
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

        /** Handed out one way or the other already: it takes no more lines. */
        public boolean closed() {
            return downloaded || emailed;
        }
    }

    /** Entries encrypted, a group to a row, ready to add: the costly part, which needs no transaction. */
    public record Sealed(int entries, List<String> groups) {
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final PasswordSheetRepository repository;
    private final SheetSealing sealing;
    private final PasswordSheetCsv csv;
    private final PasswordSheetMailer mailer;
    private final CustomersService customers;
    private final ApplicationEventPublisher events;
    private final Duration validity;

    PasswordSheets(PasswordSheetRepository repository, SheetSealing sealing, PasswordSheetCsv csv,
            PasswordSheetMailer mailer, CustomersService customers, ApplicationEventPublisher events,
            @Value("${seatwise.password-sheet-validity:1h}") Duration validity) {
        this.repository = repository;
        this.sealing = sealing;
        this.csv = csv;
        this.mailer = mailer;
        this.customers = customers;
        this.events = events;
        this.validity = validity;
    }

    /** A new, empty sheet of the current actor's. */
    @PreAuthorize("hasAuthority('users:write')")
    public UUID open(CustomerId customer) {
        UUID id = Ids.next();
        Instant now = Instant.now();
        repository.insert(customer, id, CurrentActor.name(), now, now.plus(validity));
        return id;
    }

    /** Adds lines to an open sheet of the current actor's (sealed here; see {@link #seal}). */
    @PreAuthorize("hasAuthority('users:write')")
    public void add(CustomerId customer, UUID sheet, List<Entry> entries) {
        add(customer, sheet, seal(entries));
    }

    /**
     * Seals entries for {@link #add(CustomerId, UUID, Sealed)}: needs neither a transaction nor a signed-in actor,
     * so an import does it on its reader thread.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Sealed seal(List<Entry> entries) {
        return sealing.seal(entries);
    }

    /** Adds sealed lines to an open sheet of the current actor's; 409 sheet-closed when it was handed out. */
    @PreAuthorize("hasAuthority('users:write')")
    public void add(CustomerId customer, UUID sheet, Sealed sealed) {
        if (status(customer, sheet).closed()) {
            throw DomainException.conflict("sheet-closed", null, "this sheet was already handed out");
        }
        repository.append(customer, sheet, sealed);
    }

    /** The sheet's state; 404 when it is not the current actor's, gone or expired. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:write')")
    public Status status(CustomerId customer, UUID sheet) {
        customers.require(customer);
        return repository.status(customer, sheet, CurrentActor.name(), Instant.now())
                .orElseThrow(() -> DomainException.notFound("password sheet"));
    }

    /** The lines, for the confirmation page while the sheet is open; the passwords stay on the server after. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:write')")
    public List<Entry> entries(CustomerId customer, UUID sheet) {
        status(customer, sheet);
        return sealing.open(repository.groups(customer, sheet));
    }

    /** The sheet as CSV (UTF-8 with BOM, for Excel), once; answers 409 passwords-gone the second time. */
    @PreAuthorize("hasAuthority('users:write')")
    public byte[] download(CustomerId customer, UUID sheet) {
        Status status = status(customer, sheet);
        // Taken first, and only if not taken yet: of two downloads at once, the second finds the flag set.
        if (status.downloaded() || !repository.take(customer, sheet, HandOut.DOWNLOAD)) {
            throw DomainException.conflict("passwords-gone", null,
                    "the passwords were downloaded once already and are not kept for another download");
        }
        byte[] file = csv.write(sealing.open(repository.groups(customer, sheet)), LocaleContextHolder.getLocale());
        repository.forgetIfDone(customer, sheet);
        events.publishEvent(new PasswordsHandedOut(customer, sheet, status.entries(), null));
        return file;
    }

    /** Sends the sheet as a CSV attachment to an address the agent gives, once. */
    @PreAuthorize("hasAuthority('users:write')")
    public void email(CustomerId customer, UUID sheet, String to) {
        String address = to == null ? "" : CleanText.check(to.strip(), "to");
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw DomainException.invalid("validation", "to", "'" + address + "' is not an email address");
        }
        Status status = status(customer, sheet);
        if (status.emailed() || !repository.take(customer, sheet, HandOut.MAIL)) {
            throw DomainException.conflict("passwords-gone", null, "the passwords were already sent by mail once");
        }
        Locale locale = LocaleContextHolder.getLocale();
        // A mail that fails rolls the flag back with this transaction.
        mailer.send(address, status.entries(), csv.write(sealing.open(repository.groups(customer, sheet)), locale),
                locale);
        repository.forgetIfDone(customer, sheet);
        events.publishEvent(new PasswordsHandedOut(customer, sheet, status.entries(), address));
    }

    /** Deletes sheets past their expiry, with their passwords; every five minutes, on one instance at a time. */
    @Scheduled(fixedDelayString = "${seatwise.password-sheet-sweep:PT5M}")
    @SchedulerLock(name = "forget-password-sheets", lockAtMostFor = "PT10M")
    public void forgetExpired() {
        repository.deleteExpired(Instant.now());
    }
}
