package io.seatwise.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.access.AccessEvents.AgentChanged;
import io.seatwise.access.AccessEvents.AgentInvited;
import io.seatwise.access.AccessEvents.ApiTokenChanged;
import io.seatwise.access.AccessEvents.CustomerUserPasswordChanged;
import io.seatwise.access.AccessEvents.PasswordChanged;
import io.seatwise.access.AccessEvents.SecondFactorChanged;
import io.seatwise.access.AccessEvents.SignInLocked;
import io.seatwise.access.AccessEvents.SignInUnlocked;
import io.seatwise.customers.CustomerEvents.CustomerCreated;
import io.seatwise.customers.CustomerEvents.SeatsChanged;
import io.seatwise.customers.CustomerEvents.SubscriptionAdded;
import io.seatwise.imports.UsersImported;
import io.seatwise.licensing.LicensingEvents.LicensesChanged;
import io.seatwise.passwordsheets.PasswordsHandedOut;
import io.seatwise.provisioning.ScimLicensesFailed;
import io.seatwise.provisioning.ScimTokenChanged;
import io.seatwise.provisioning.ScimUserProfileChanged;
import io.seatwise.shared.CurrentActor;
import io.seatwise.users.UserEvents.PasswordReset;
import io.seatwise.users.UserEvents.UserCreated;
import io.seatwise.users.UserEvents.UserDeleted;
import io.seatwise.users.UserEvents.UserUpdated;
import io.seatwise.users.UserEvents.UsersPurged;
import io.seatwise.users.UserEvents.UsersRestored;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one log line per change. Listeners run in the publisher's transaction: the line is stored exactly when
 * the change is, and a failed change leaves no line; a transaction's lines are stored together as it commits
 * ({@link PendingLines}).
 */
@Component
class ActivityRecorder {

    private final ActivityRepository repository;

    ActivityRecorder(ActivityRepository repository) {
        this.repository = repository;
    }

    @EventListener
    void on(CustomerCreated e) {
        record(e.customerId().value(), "customer.created",
                ActivityDetails.of("name", e.name(), "country", e.country(), "domains", e.domains()));
    }

    @EventListener
    void on(SubscriptionAdded e) {
        record(e.customerId().value(), "subscription.added", ActivityDetails.of("skuId", e.skuId().value(),
                "sku", e.skuPartNumber(), "quantity", e.quantity()));
    }

    @EventListener
    void on(SeatsChanged e) {
        record(e.customerId().value(), "subscription.seats-changed", ActivityDetails.of("skuId", e.skuId().value(),
                "sku", e.skuPartNumber(), "previous", e.previousQuantity(), "quantity", e.newQuantity()));
    }

    @EventListener
    void on(UserCreated e) {
        record(e.customerId().value(), "user.created", user(e.userPrincipalName(), e.userId().value()));
    }

    @EventListener
    void on(UsersImported e) {
        record(e.customerId().value(), "users.imported", ActivityDetails.of("created", e.created(),
                "rejected", e.rejected(), "licensed", e.licensed()));
    }

    @EventListener
    void on(UserUpdated e) {
        List<Map<String, Object>> changes = e.changes().stream().map(c -> ActivityDetails.of("field", c.field(),
                "before", value(c.before()), "after", value(c.after()))).toList();
        Map<String, Object> details = user(e.userPrincipalName(), e.userId().value());
        details.put("changes", changes);
        record(e.customerId().value(), "user.updated", details);
    }

    @EventListener
    void on(PasswordReset e) {
        record(e.customerId().value(), "user.password-reset", user(e.userPrincipalName(), e.userId().value()));
    }

    @EventListener
    void on(UserDeleted e) {
        Map<String, Object> details = user(e.userPrincipalName(), e.userId().value());
        details.put("licensesSuspended", e.licensesSuspended());
        record(e.customerId().value(), "user.deleted", details);
    }

    @EventListener
    void on(UsersRestored e) {
        record(e.customerId().value(), "users.restored", ActivityDetails.of("requested", e.requested(),
                "restored", e.restored(), "failed", e.failed(), "licensesRestored", e.licensesRestored(),
                "licensesNotRestored", e.licensesNotRestored()));
    }

    @EventListener
    void on(PasswordsHandedOut e) {
        record(e.customerId().value(), e.mailedTo() == null ? "passwords.downloaded" : "passwords.mailed",
                ActivityDetails.of("sheet", e.sheetId(), "users", e.users(), "to", e.mailedTo()));
    }

    @EventListener
    void on(UsersPurged e) {
        record(e.customerId() == null ? null : e.customerId().value(), "users.purged",
                ActivityDetails.of("purged", e.purged()));
    }

    @EventListener
    void on(LicensesChanged e) {
        List<Map<String, Object>> products = e.products().stream().map(p -> ActivityDetails.of("skuId",
                p.skuId().value(), "sku", p.skuPartNumber(), "assigned", p.assigned(), "freed", p.freed())).toList();
        record(e.customerId().value(), "UNDO".equals(e.kind()) ? "licenses.undone" : "licenses.changed",
                ActivityDetails.of("change", e.changeId(), "users", e.selected(), "succeeded", e.succeeded(),
                        "failed", e.failed(), "products", products));
    }

    @EventListener
    void on(AgentInvited e) {
        record(null, "agent.invited", ActivityDetails.of("agent", e.email(), "role", e.role().name()));
    }

    @EventListener
    void on(AgentChanged e) {
        record(null, "agent.changed", ActivityDetails.of("agent", e.email(), "role", e.role().name(),
                "enabled", e.enabled()));
    }

    @EventListener
    void on(PasswordChanged e) {
        record(null, "agent.password-changed", ActivityDetails.of("agent", e.email()));
    }

    @EventListener
    void on(ApiTokenChanged e) {
        record(e.customerId() == null ? null : e.customerId().value(), e.revoked() ? "token.revoked" : "token.created",
                ActivityDetails.of(e.customerId() == null ? "agent" : "user", e.email(), "token", e.tokenName()));
    }

    @EventListener
    void on(ScimTokenChanged e) {
        record(e.customerId().value(), e.revoked() ? "scimtoken.revoked" : "scimtoken.created",
                ActivityDetails.of("token", e.tokenName()));
    }

    /** Licenses a SCIM token's provisioning could not give a user: each product with Microsoft's code. */
    @EventListener
    void on(ScimLicensesFailed e) {
        List<String> failures = e.failures().stream().map(f -> f.product() + ": " + f.code()).toList();
        record(e.customerId().value(), "scim.licenses-failed", ActivityDetails.of("user", e.userName(),
                "userId", e.userId().value(), "count", failures.size(), "failures", failures));
    }

    /** Attributes kept for provisioning only (userType, department, emails…) a SCIM token changed. */
    @EventListener
    void on(ScimUserProfileChanged e) {
        List<Map<String, Object>> changes = e.changes().stream().map(c -> ActivityDetails.of("field", c.field(),
                "before", c.before(), "after", c.after())).toList();
        Map<String, Object> details = user(e.userName(), e.userId().value());
        details.put("changes", changes);
        record(e.customerId().value(), "scim.profile-changed", details);
    }

    @EventListener
    void on(CustomerUserPasswordChanged e) {
        record(e.customerId().value(), "user.password-changed", user(e.userName(), e.userId().value()));
    }

    /** The actor is the name or address that failed (no one is signed in); the details say for how long. */
    @EventListener
    void on(SignInLocked e) {
        long seconds = e.lockedFor().toSeconds();
        repository.insert(e.subject(), null, "access.locked", ActivityDetails.of(e.byAddress() ? "address" : "user",
                e.subject(), "failures", e.failures(), "minutes", (seconds + 59) / 60, "seconds", seconds));
    }

    /** Set up by the person (enrolled), or reset by an Admin agent; the actor is whoever did it. */
    @EventListener
    void on(SecondFactorChanged e) {
        record(e.customerId() == null ? null : e.customerId().value(),
                e.enrolled() ? "second-factor.enrolled" : "second-factor.reset", ActivityDetails.of("user", e.userName()));
    }

    @EventListener
    void on(SignInUnlocked e) {
        record(null, "access.unlocked", ActivityDetails.of("agent", e.email()));
    }

    /**
     * Failed sign-ins are logged even though no transaction is open: a new one is started for the line. The reason
     * is a code the console puts in words ({@link SignInFailureReason}), never the exception's class name.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(AbstractAuthenticationFailureEvent e) {
        String name = String.valueOf(e.getAuthentication().getName());
        repository.insert(name, null, "signin.failed", ActivityDetails.of("user", name,
                "reason", SignInFailureReason.of(e.getException())));
    }

    private void record(UUID customerId, String action, Map<String, Object> details) {
        PendingLines.add(repository, repository.line(CurrentActor.name(), customerId, action, details));
    }

    private static Map<String, Object> user(String userName, UUID userId) {
        return ActivityDetails.of("user", userName, "userId", userId);
    }

    /** A field's value as JSON knows it: enums by name, other objects as text. */
    private static Object value(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Number) {
            return v;
        }
        return v instanceof Enum<?> en ? en.name() : v.toString();
    }
}
