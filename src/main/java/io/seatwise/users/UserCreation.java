package io.seatwise.users;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;

import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.passwordsheets.PasswordSheets;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.TemporaryPasswords;
import io.seatwise.users.UserEvents.UserCreated;
import io.seatwise.users.UserLicenses.LicenseOutcome;
import io.seatwise.users.UserLicenses.LicenseRequest;
import io.seatwise.users.UserLicenses.NewUserLicenses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * The one way users are created, one (Add user, the API) or many (an import): {@link #prepare} checks each
 * {@link NewUser} against the customer (a domain of its, the usage location defaulted to its country) and draws its
 * id and temporary password with the password's hash, touching no database, so an import does it on its reader
 * thread; {@link #create(PreparedUsers)} writes them set-based (COPY on PostgreSQL, a batch on H2) in the caller's
 * transaction. A user name that is taken fails the whole set through the database's unique key ({@code
 * user-name-taken}, naming the user when there is one). Licenses are given afterwards ({@link #license}), so that
 * the users of an import share one license change. Bulk creation publishes no event per user: the caller tells what
 * it did (one {@link UserCreated} for Add user, one import event for an import).
 */
@NamedInterface("api")
@Service
public class UserCreation {

    private final UserRepository repository;
    private final CustomersService customers;
    private final UserLicenses licenses;
    private final TemporaryPasswords passwords;
    private final PasswordSheets sheets;
    private final ApplicationEventPublisher events;

    UserCreation(UserRepository repository, CustomersService customers, UserLicenses licenses,
            TemporaryPasswords passwords, PasswordSheets sheets, ApplicationEventPublisher events) {
        this.repository = repository;
        this.customers = customers;
        this.licenses = licenses;
        this.passwords = passwords;
        this.sheets = sheets;
        this.events = events;
    }

    /**
     * Checks new users of the customer and draws their ids and temporary passwords (valid {@code
     * seatwise.temporary-password-validity}); refuses a user name outside the customer's domains. Needs no
     * transaction and no signed-in actor: who may create them is checked when they are written.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public PreparedUsers prepare(Customer customer, List<NewUser> users) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(passwords.validity());
        List<CreatedUser> created = new ArrayList<>(users.size());
        List<UserRepository.Insert> inserts = new ArrayList<>(users.size());
        for (NewUser n : users) {
            if (!customer.ownsDomain(n.domain())) {
                throw DomainException.invalid("domain-not-owned", "userPrincipalName",
                        "domain " + n.domain() + " is not one of the customer's domains");
            }
            User user = new User(UserId.generate(), customer.id(), n.userPrincipalName(), n.firstName(),
                    n.lastName(), n.displayName(), n.usageLocation() == null ? customer.country() : n.usageLocation(),
                    n.directoryRole(), false, now, null, n.externalId(), n.preferredLanguage(), n.country(), now);
            String password = passwords.generate();
            created.add(new CreatedUser(user, password, null, null));
            inserts.add(new UserRepository.Insert(user, passwords.hash(password), expires));
        }
        return new PreparedUsers(customer.id(), created, inserts);
    }

    /**
     * Writes prepared users in one go, in the caller's transaction, and answers them with their temporary passwords
     * (shown once). Refuses a customer the current actor may not act on (not found, as everywhere) and roles it
     * may not give ({@link GlobalAdminGuard}).
     */
    @Transactional
    @PreAuthorize("hasAuthority('users:write')")
    public List<CreatedUser> create(PreparedUsers users) {
        customers.require(users.customerId());
        Set<DirectoryRole> roles = EnumSet.noneOf(DirectoryRole.class);
        users.users().forEach(u -> roles.add(u.user().directoryRole()));
        roles.forEach(GlobalAdminGuard::checkGrant);
        try {
            repository.insertAll(users.inserts());
        } catch (DuplicateKeyException raced) {
            if (UserRepository.externalIdTaken(raced)) {
                throw DomainException.conflict("external-id-taken", "externalId", users.size() == 1
                        ? "external id " + users.users().get(0).user().externalId() + " is already taken"
                        : "an external id was taken; nobody was created");
            }
            String name = users.size() == 1 ? users.users().get(0).user().userPrincipalName() : null;
            throw DomainException.conflict("user-name-taken", "userPrincipalName", name != null
                    ? "user name " + name + " is already taken" : "a user name was taken; nobody was created");
        }
        return users.users();
    }

    /** Which of these lower-cased user names a live user holds (checked a thousand at a time). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:write')")
    public Set<String> takenUserNames(List<String> userNameKeys) {
        return repository.takenNames(userNameKeys);
    }

    /**
     * Gives licenses to users just created, through the licensing engine: users asking for the same licenses share
     * one stored change; too few seats fail those users (CountViolation), the accounts stay.
     */
    @Transactional
    @PreAuthorize("hasAuthority('users:write')")
    public List<NewUserLicenses> license(CustomerId customerId, Map<UserId, List<LicenseRequest>> requests,
            IntConsumer progress) {
        customers.require(customerId);
        return requests.isEmpty() ? List.of() : licenses.assignToNewUsers(customerId, requests, progress);
    }

    /**
     * Add user and the API's create, inside {@link UsersService}'s transaction and permission check: the user is
     * created as above, its licenses given (a license that cannot be given is reported, the account stays), and,
     * when {@code onSheet}, it is put on {@code sheet} (an open sheet of the current actor's) or on a new one.
     */
    CreatedUser createOne(CustomerId customerId, NewUser command, List<LicenseRequest> licenseRequests, UUID sheet,
            boolean onSheet) {
        Customer customer = customers.require(customerId);
        GlobalAdminGuard.checkGrant(command.directoryRole());
        if (sheet != null && sheets.status(customerId, sheet).closed()) {
            throw DomainException.conflict("sheet-closed", "passwordSheet",
                    "that password sheet was already downloaded or mailed; start a new one");
        }
        PreparedUsers prepared = prepare(customer, List.of(command));
        licenses.check(customerId, licenseRequests);
        CreatedUser created = create(prepared).get(0);
        User user = created.user();
        events.publishEvent(new UserCreated(customerId, user.id(), user.userPrincipalName()));
        LicenseOutcome outcome = null;
        if (!licenseRequests.isEmpty()) {
            outcome = license(customerId, Map.of(user.id(), List.copyOf(licenseRequests)), done -> { })
                    .get(0).outcomes().get(user.id());
        }
        if (onSheet) {
            sheet = sheet != null ? sheet : sheets.open(customerId);
            sheets.add(customerId, sheet, List.of(new PasswordSheets.Entry(user.userPrincipalName(),
                    user.displayName(), created.temporaryPassword())));
        }
        return new CreatedUser(user, created.temporaryPassword(), outcome, onSheet ? sheet : null);
    }
}
