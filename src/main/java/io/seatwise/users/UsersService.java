package io.seatwise.users;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.TemporaryPasswords;
import io.seatwise.users.UserEvents.PasswordReset;
import io.seatwise.users.UserEvents.UserDeleted;
import io.seatwise.users.UserEvents.UserUpdated;
import io.seatwise.users.UserLicenses.LicenseRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * Customer user accounts: create one ({@link UserCreation} creates, one or many), list, read, edit, reset password,
 * delete, restore; purging past retention is {@link UserPurge}'s.
 */
@NamedInterface("api")
@Service
@Transactional
public class UsersService {

    /** At most this many users restored by one request. */
    public static final int MAX_RESTORE = 100_000;

    private final UserRepository repository;
    private final UserListQuery listQuery;
    private final UserPageLicenses pageLicenses;
    private final UserCreation creation;
    private final CustomersService customers;
    private final UserLicenses licenses;
    private final TemporaryPasswords passwords;
    private final ApplicationEventPublisher events;
    private final UserRestore restore;

    UsersService(UserRepository repository, UserListQuery listQuery, UserPageLicenses pageLicenses,
            UserCreation creation, CustomersService customers, UserLicenses licenses, TemporaryPasswords passwords,
            ApplicationEventPublisher events, UserRestore restore) {
        this.repository = repository;
        this.listQuery = listQuery;
        this.pageLicenses = pageLicenses;
        this.creation = creation;
        this.customers = customers;
        this.licenses = licenses;
        this.passwords = passwords;
        this.events = events;
        this.restore = restore;
    }

    /** How long a deleted user can be restored. */
    public Duration retention() {
        return restore.retention();
    }

    @PreAuthorize("hasAuthority('users:write')")
    public User create(CustomerId customerId, NewUser command) {
        return create(customerId, command, List.of()).user();
    }

    /**
     * Creates a user with a temporary password (shown once, in the answer) and gives it licenses through the
     * licensing engine; a license that cannot be given (too few seats, a rule) is reported, the account stays. The
     * creation is {@link UserCreation}'s, as for an import.
     */
    @PreAuthorize("hasAuthority('users:write')")
    public CreatedUser create(CustomerId customerId, NewUser command, List<LicenseRequest> licenseRequests) {
        return creation.createOne(customerId, command, licenseRequests, null, false);
    }

    /**
     * Creates a user as {@link #create(CustomerId, NewUser, List)} and also puts it on a password sheet, in the
     * same transaction: on {@code sheet} (an open sheet of the current actor's: "Add another user"), or on a new
     * one when {@code sheet} is null.
     */
    @PreAuthorize("hasAuthority('users:write')")
    public CreatedUser createOnSheet(CustomerId customerId, NewUser command, List<LicenseRequest> licenseRequests,
            UUID sheet) {
        return creation.createOne(customerId, command, licenseRequests, sheet, true);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<User> list(CustomerId customerId, PageRequest page) {
        return list(customerId, UserFilter.ALL_USERS, UserSort.DEFAULT, page);
    }

    /** The users list: filtered, searched, sorted and paged, with the total count. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<User> list(CustomerId customerId, UserFilter filter, UserSort sort, PageRequest page) {
        return list(customerId, filter, sort, page, PageAnchor.NONE);
    }

    /** The users list, Next or Previous seeking from the user at the edge of the page before instead of skipping. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<User> list(CustomerId customerId, UserFilter filter, UserSort sort, PageRequest page,
            PageAnchor anchor) {
        customers.require(customerId);
        return listQuery.list(customerId, filter, sort, page, anchor);
    }

    /** A user of the customer, deleted or not. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public User get(CustomerId customerId, UserId userId) {
        customers.require(customerId);
        return repository.find(customerId, userId).orElseThrow(() -> DomainException.notFound("user"));
    }

    /**
     * A user of the customer, deleted or not, its row locked until the caller's transaction ends: writers that
     * read a user before they change it (SCIM's {@code If-Match}, the licenses it sets) take turns on that user.
     * Empty for no such user (no exception, which would doom the caller's transaction).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @PreAuthorize("hasAuthority('users:write')")
    public Optional<User> lockForChange(CustomerId customerId, UserId userId) {
        return repository.findForUpdate(customerId, userId);
    }

    /** The customer's users among these ids, deleted or not, in one read; ids of no such user are left out. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public Map<UserId, User> find(CustomerId customerId, List<UserId> userIds) {
        customers.require(customerId);
        return userIds.isEmpty() ? Map.of() : repository.findAll(customerId, userIds);
    }

    /**
     * The products each of these users of the customer holds now (active licenses), read in one statement: the
     * users list's Licenses column for a page. Users without licenses are left out.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public Map<UserId, List<io.seatwise.catalog.SkuId>> licensedProducts(CustomerId customerId,
            List<UserId> userIds) {
        return pageLicenses.licenses(customerId, userIds);
    }

    /** The licenses a user of the customer holds now (the console's user page). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public List<UserLicenses.HeldLicense> licenses(CustomerId customerId, UserId userId) {
        get(customerId, userId);
        return licenses.held(customerId, userId);
    }

    /**
     * Edits names, usage location, role, sign-in blocking, and the user name and provisioning fields, of a user that
     * is not deleted. A new user name must be in one of the customer's domains ({@code domain-not-owned}) and free
     * ({@code user-name-taken}), an external id free among the customer's users ({@code external-id-taken}).
     */
    @PreAuthorize("hasAuthority('users:write')")
    public User update(CustomerId customerId, UserId userId, UserUpdate update) {
        User before = live(customerId, userId);
        GlobalAdminGuard.checkManage(before);
        GlobalAdminGuard.checkGrant(update.directoryRole());
        User after = update.applyTo(before);
        if (after.displayName() == null || after.displayName().isBlank()) {
            throw DomainException.invalid("validation", "displayName", "displayName is required");
        }
        if (after.equals(before)) {
            return before;
        }
        if (!after.userPrincipalName().equals(before.userPrincipalName())) {
            String domain = after.userPrincipalName().substring(after.userPrincipalName().lastIndexOf('@') + 1);
            if (!customers.require(customerId).ownsDomain(domain)) {
                throw DomainException.invalid("domain-not-owned", "userPrincipalName",
                        "domain " + domain + " is not one of the customer's domains");
            }
        }
        try {
            repository.update(after, now());
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            throw UserRepository.externalIdTaken(taken)
                    ? DomainException.conflict("external-id-taken", "externalId",
                            "external id " + after.externalId() + " is already taken")
                    : DomainException.conflict("user-name-taken", "userPrincipalName",
                            "user name " + after.userPrincipalName() + " is already taken");
        }
        events.publishEvent(new UserUpdated(customerId, userId, after.userPrincipalName(), changes(before, after)));
        return after;
    }

    private static List<UserEvents.FieldChange> changes(User b, User a) {
        List<UserEvents.FieldChange> changed = new ArrayList<>();
        diff(changed, "userPrincipalName", b.userPrincipalName(), a.userPrincipalName());
        diff(changed, "firstName", b.firstName(), a.firstName());
        diff(changed, "lastName", b.lastName(), a.lastName());
        diff(changed, "displayName", b.displayName(), a.displayName());
        diff(changed, "usageLocation", b.usageLocation(), a.usageLocation());
        diff(changed, "directoryRole", b.directoryRole(), a.directoryRole());
        diff(changed, "signInBlocked", b.signInBlocked(), a.signInBlocked());
        diff(changed, "externalId", b.externalId(), a.externalId());
        diff(changed, "preferredLanguage", b.preferredLanguage(), a.preferredLanguage());
        diff(changed, "country", b.country(), a.country());
        return changed;
    }

    private static void diff(List<UserEvents.FieldChange> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(new UserEvents.FieldChange(field, before, after));
        }
    }

    /** Replaces the user's password by a new temporary one, shown once; the user must change it at sign-in. */
    @PreAuthorize("hasAuthority('users:write')")
    public CreatedUser resetPassword(CustomerId customerId, UserId userId) {
        User user = live(customerId, userId);
        GlobalAdminGuard.checkManage(user);
        String password = passwords.generate();
        Instant now = now();
        repository.setTemporaryPassword(customerId, userId, passwords.hash(password), now.plus(passwords.validity()),
                now);
        events.publishEvent(new PasswordReset(customerId, userId, user.userPrincipalName()));
        return new CreatedUser(user, password, null, null);
    }

    /**
     * Deletes a user softly: it signs in no more, its seats are freed and its licenses remembered (suspended) for
     * a restore within the retention period; its user name is free for others meanwhile.
     */
    @PreAuthorize("hasAuthority('users:write')")
    public void delete(CustomerId customerId, UserId userId) {
        User user = live(customerId, userId);
        GlobalAdminGuard.checkManage(user);
        int suspended = repository.activeLicenseCount(customerId, userId);
        licenses.suspend(customerId, List.of(userId));
        repository.softDelete(customerId, userId, now());
        events.publishEvent(new UserDeleted(customerId, userId, user.userPrincipalName(), suspended));
    }

    /** The deleted users of a customer, newest deletion first, with the total count. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('users:read')")
    public PageResult<User> deleted(CustomerId customerId, PageRequest page) {
        customers.require(customerId);
        return repository.deleted(customerId, page);
    }

    /**
     * Restores deleted users, each independently: the account comes back with its previous licenses and disabled
     * plans, each where a seat is free. A user fails whole when it is not a deleted user of the customer
     * (UserNotFound), its retention has passed (RetentionExpired), its user name was taken meanwhile
     * (UserNameConflict) or a User management admin asks for a Global admin (Forbidden). The restore is
     * {@link UserRestore}'s.
     */
    @PreAuthorize("hasAuthority('users:write')")
    public List<RestoreResult> restore(CustomerId customerId, List<UserId> userIds) {
        customers.require(customerId);
        return restore.restore(customerId, userIds);
    }

    private User live(CustomerId customerId, UserId userId) {
        User user = get(customerId, userId);
        if (user.deletedAt() != null) {
            throw DomainException.conflict("user-deleted", null, "the user is deleted; restore it first");
        }
        return user;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
