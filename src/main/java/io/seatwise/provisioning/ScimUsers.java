package io.seatwise.provisioning;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.licensing.SeatsGoneAtCommit;
import io.seatwise.shared.Countries;
import io.seatwise.shared.DomainException;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.NewUser;
import io.seatwise.users.User;
import io.seatwise.users.UserId;
import io.seatwise.users.UserUpdate;
import io.seatwise.users.UsersService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM's Users of one customer, written through the users module as the console writes them (so the activity log
 * records each change, by the token, and blocking sign-in ends the user's sessions): create, read, replace, patch,
 * delete. Each write request is one transaction, the answer read in it too; licenses asked for
 * ({@link ScimUserInput#wanted()}) are applied after the user is written, in a savepoint, and a license that cannot be
 * given never fails the request: it shows in the resource's {@code licenseErrors}. Answers are rendered resources ({@link ScimUserResource}) with {@code meta.version}.
 *
 * <p>The usage location is the extension's {@code usageLocation}, else the work address's country when it is an
 * ISO 3166 alpha-2 code, else (on create) the customer's country as for any new user, (on replace) the one kept.
 */
@Service
class ScimUsers {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScimUsers.class);

    private final UsersService users;
    private final CustomersService customers;
    private final ScimLicenses licenses;
    private final ScimUserProfiles profiles;
    private final TransactionTemplate transaction;
    /** A savepoint in the request's transaction, for the licenses. */
    private final TransactionTemplate savepoint;

    ScimUsers(UsersService users, CustomersService customers, ScimLicenses licenses, ScimUserProfiles profiles,
            TransactionTemplate transaction) {
        this.users = users;
        this.customers = customers;
        this.licenses = licenses;
        this.profiles = profiles;
        this.transaction = transaction;
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The user's resource; 404 for a deleted user, another customer's, or none. */
    ObjectNode get(CustomerId customer, String id) {
        return render(live(customer, id));
    }

    /**
     * Creates the user ({@code active: false} creates it blocked), applies the licenses it asks for and answers the
     * resource, in one transaction.
     */
    ObjectNode create(CustomerId customer, ScimUserInput sent) {
        return atCommitElseAgain(atCommit -> transaction.execute(s -> {
            Customer c = customers.require(customer);
            ScimUserInput in = sent.withUserName(ScimUserNames.toStore(c, sent.userName()));
            User user = users.create(customer, new NewUser(in.userName(), in.givenName(), in.familyName(),
                    in.displayNameOrDefault(), usageLocation(in), DirectoryRole.NONE, in.externalId(),
                    in.preferredLanguage(), in.country()));
            boolean blocked = Boolean.FALSE.equals(in.active());
            if (blocked) {
                user = users.update(customer, user.id(), new UserUpdate(null, null, null, null, null, true));
            }
            profiles.storeNew(customer, user, in.profile());
            User created = user;
            applyLicenses(customer, user.id(), sent.wanted(),
                    () -> licenses.applyToCreated(customer, created, sent.wanted(), atCommit));
            // The user as created is the user as stored; one blocked at once is read again (its update time).
            return blocked ? get(customer, user.id().value().toString()) : render(created);
        }));
    }

    /**
     * PUT: the user becomes what the resource says. Optional attributes left out are cleared (names, externalId,
     * preferredLanguage, the address's country, the attributes kept for provisioning only: {@link ScimUserProfiles});
     * readOnly ones ({@code id}, {@code meta}, {@code licenseErrors})
     * are ignored; {@code active} left out, the display name left out (without names) and the usage location left
     * out (without a country code) keep what they are, since a user always has them.
     *
     * <p>Licenses: when {@code roles}, {@code entitlements} or the extension's {@code licenses} are present the
     * user's licenses become exactly those; when all three are ABSENT the licenses are left as they are. An
     * identity provider's PUT of its own profile (Okta's, without entitlements) must not strip the licenses the
     * customer's admins gave in the console.
     *
     * @param ifMatch the {@code If-Match} header, or null; a version it does not name is a 412
     */
    ObjectNode replace(CustomerId customer, String id, ScimUserInput in, String ifMatch) {
        return atCommitElseAgain(atCommit -> replace(customer, id, in, ifMatch, atCommit));
    }

    private ObjectNode replace(CustomerId customer, String id, ScimUserInput in, String ifMatch, boolean atCommit) {
        return transaction.execute(s -> {
            User before = locked(customer, id);
            checkVersion(before, ifMatch);
            String userName = ScimUserNames.toStore(customers.require(customer), in.userName());
            User user = users.update(customer, before.id(), update(in.withUserName(userName)));
            profiles.store(customer, user, in.profile());
            applyLicenses(customer, user.id(), in.wanted(), () -> atCommit
                    ? licenses.applyAtCommit(customer, user.id(), in.wanted())
                    : licenses.apply(customer, user.id(), in.wanted()));
            return get(customer, id);
        });
    }

    /**
     * PATCH: the operations ({@link ScimPatch}) applied to the user's current resource, and the result stored as a
     * PUT of it would be ({@link #replace}); licenses are changed only when the PATCH changes roles, entitlements or
     * the extension's licenses ({@link ScimPatchedLicenses}).
     */
    ObjectNode patch(CustomerId customer, String id, tools.jackson.databind.JsonNode body, String ifMatch) {
        ScimPatch.checkForUser(body);
        return atCommitElseAgain(atCommit -> transaction.execute(s -> {
            // Locked first: two PATCHes of one user apply their operations one after the other, never both to the
            // same resource read before either wrote
            locked(customer, id);
            ObjectNode before = current(customer, id, ifMatch);
            ObjectNode after = ScimPatch.apply(before, body);
            ScimUserInput read = ScimUserReader.read(after).withWanted(ScimPatchedLicenses.wanted(before, after));
            // Emails the PATCH leaves alone stay as stored (none: the user name shown, never stored as sent).
            ScimUserInput in = java.util.Objects.equals(ScimUserReader.field(before, "emails"),
                    ScimUserReader.field(after, "emails")) ? read.withEmailsKept() : read;
            // With If-Match, the version read must still be the user's when it is written.
            return replace(customer, id, in, ifMatch == null ? null : before.get("meta").get("version").asString(),
                    atCommit);
        }));
    }

    /**
     * A write request's transaction, its license seats first taken as it commits ({@link ScimLicenses#applyAtCommit}:
     * one customer's concurrent requests then hold the seat pool's lock only while committing); when the seats were
     * gone by then, everything was rolled back and the request runs again, its seats counted under the lock.
     */
    private ObjectNode atCommitElseAgain(java.util.function.Function<Boolean, ObjectNode> request) {
        try {
            return request.apply(true);
        } catch (SeatsGoneAtCommit gone) {
            return request.apply(false);
        }
    }

    /** Soft-deletes the user as the console does (seats freed, restorable during the retention period). */
    void delete(CustomerId customer, String id, String ifMatch) {
        transaction.executeWithoutResult(s -> {
            User user = locked(customer, id);
            checkVersion(user, ifMatch);
            users.delete(customer, user.id());
        });
    }

    /** The current resource of a user not deleted, and a 412 when {@code ifMatch} is given and names another. */
    ObjectNode current(CustomerId customer, String id, String ifMatch) {
        User user = live(customer, id);
        ObjectNode resource = render(user);
        if (ifMatch != null && !ScimUserResource.matches(ifMatch, resource.get("meta").get("version").asString())) {
            throw new ScimException(412, null, "The user was changed meanwhile: If-Match " + ifMatch
                    + " is not its version " + resource.get("meta").get("version").asString());
        }
        return resource;
    }

    /** The resources of these users (of one page), their licenses read in one go. */
    List<ObjectNode> render(CustomerId customer, List<User> page) {
        Map<UserId, ScimLicenses.Shown> shown = page.isEmpty() ? Map.of()
                : licenses.shown(customer, page.stream().map(User::id).toList());
        Map<UserId, ScimUserProfile> kept = profiles.of(customer, page.stream().map(User::id).toList());
        String base = ScimDiscoveryController.base();
        return page.stream().map(u -> ScimUserResource.render(u, shown.getOrDefault(u.id(),
                ScimLicenses.Shown.NONE), kept.getOrDefault(u.id(), ScimUserProfile.NONE), base)).toList();
    }

    private ObjectNode render(User user) {
        return render(user.customerId(), List.of(user)).get(0);
    }

    private void checkVersion(User user, String ifMatch) {
        if (ifMatch != null) {
            current(user.customerId(), user.id().value().toString(), ifMatch);
        }
    }

    /**
     * As {@link #live}, the user's row locked until the transaction ends: writers take turns on one user, so the
     * version an {@code If-Match} names is compared with what the previous writer committed, never with what both
     * read before either wrote.
     */
    private User locked(CustomerId customer, String id) {
        Optional<User> user = parse(id).flatMap(uuid -> users.lockForChange(customer, new UserId(uuid)));
        if (user.isPresent() && user.get().deletedAt() == null) {
            return user.get();
        }
        throw new ScimException(404, null, "No user " + id + " in this customer");
    }

    private User live(CustomerId customer, String id) {
        Optional<UUID> uuid = parse(id);
        try {
            User user = uuid.isEmpty() ? null : users.get(customer, new UserId(uuid.get()));
            if (user != null && user.deletedAt() == null) {
                return user;
            }
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
        }
        throw new ScimException(404, null, "No user " + id + " in this customer");
    }

    /**
     * Applies the licenses asked for ({@code apply}: one of {@link ScimLicenses}' applies), after the user is written,
     * in a savepoint of the request's transaction. {@link ScimLicenses#apply} reports what it cannot give rather than
     * throwing; should a refusal be thrown all the same, what it wrote is rolled back to the savepoint, it is logged
     * and the request still succeeds: the user is written, and an identity provider told otherwise would retry for
     * ever.
     */
    private void applyLicenses(CustomerId customer, UserId user, List<ScimLicenses.Wanted> wanted,
            Supplier<?> apply) {
        if (wanted == null) {
            return;
        }
        try {
            savepoint.executeWithoutResult(s -> apply.get());
        } catch (DomainException refused) {
            log.warn("Licenses for SCIM user {} of customer {} refused: {}", user.value(), customer.value(),
                    refused.getMessage());
        }
    }

    private static UserUpdate update(ScimUserInput in) {
        boolean named = in.displayName() != null || in.givenName() != null || in.familyName() != null;
        return new UserUpdate(Optional.ofNullable(in.givenName()), Optional.ofNullable(in.familyName()),
                named ? in.displayNameOrDefault() : null, usageLocation(in), null,
                in.active() == null ? null : !in.active(), in.userName(), Optional.ofNullable(in.externalId()),
                Optional.ofNullable(in.preferredLanguage()), Optional.ofNullable(in.country()));
    }

    /** The extension's usage location, else the address's country when it is a code, else null. */
    static String usageLocation(ScimUserInput in) {
        if (in.usageLocation() != null && !in.usageLocation().isBlank()) {
            if (!Countries.isValid(in.usageLocation().strip())) {
                throw ScimException.badRequest("invalidValue", "usageLocation is an ISO 3166-1 alpha-2 country code"
                        + " such as SE, not '" + in.usageLocation() + "'");
            }
            return in.usageLocation().strip().toUpperCase(Locale.ROOT);
        }
        String country = in.country() == null ? null : in.country().strip();
        return Countries.isValid(country) ? country.toUpperCase(Locale.ROOT) : null;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
