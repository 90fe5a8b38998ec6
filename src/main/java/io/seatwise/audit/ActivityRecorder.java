package io.seatwise.audit;

import java.util.UUID;

import io.seatwise.access.AccessEvents.AgentChanged;
import io.seatwise.access.AccessEvents.AgentInvited;
import io.seatwise.access.AccessEvents.ApiTokenChanged;
import io.seatwise.access.AccessEvents.CustomerUserPasswordChanged;
import io.seatwise.access.AccessEvents.PasswordChanged;
import io.seatwise.access.AccessEvents.SignInLocked;
import io.seatwise.access.AccessEvents.SignInUnlocked;
import io.seatwise.customers.CustomerEvents.CustomerCreated;
import io.seatwise.customers.CustomerEvents.SeatsChanged;
import io.seatwise.customers.CustomerEvents.SubscriptionAdded;
import io.seatwise.licensing.LicensingEvents.LicensesChanged;
import io.seatwise.shared.CurrentActor;
import io.seatwise.users.UserEvents.PasswordReset;
import io.seatwise.users.UserEvents.PasswordsHandedOut;
import io.seatwise.users.UserEvents.UserCreated;
import io.seatwise.users.UserEvents.UserDeleted;
import io.seatwise.users.UserEvents.UserUpdated;
import io.seatwise.users.UserEvents.UsersImported;
import io.seatwise.users.UserEvents.UsersPurged;
import io.seatwise.users.UserEvents.UsersRestored;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one log line per change. Listeners run in the publisher's transaction: the line is stored exactly when
 * the change is, and a failed change leaves no line.
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
                "name=" + e.name() + "; country=" + e.country() + "; domains=" + String.join(",", e.domains()));
    }

    @EventListener
    void on(SubscriptionAdded e) {
        record(e.customerId().value(), "subscription.added",
                "sku=" + e.skuPartNumber() + " (" + e.skuId() + "); quantity=" + e.quantity());
    }

    @EventListener
    void on(SeatsChanged e) {
        record(e.customerId().value(), "subscription.seats-changed", "sku=" + e.skuPartNumber() + " (" + e.skuId()
                + "); quantity " + e.previousQuantity() + " -> " + e.newQuantity()
                + " (" + signed(e.newQuantity() - e.previousQuantity()) + ")");
    }

    @EventListener
    void on(UserCreated e) {
        record(e.customerId().value(), "user.created", "user=" + e.userPrincipalName() + " (" + e.userId() + ")");
    }

    @EventListener
    void on(UsersImported e) {
        record(e.customerId().value(), "users.imported", "created=" + e.created() + "; rejected=" + e.rejected()
                + "; licensed=" + e.licensed());
    }

    @EventListener
    void on(UserUpdated e) {
        record(e.customerId().value(), "user.updated", "user=" + e.userPrincipalName() + " (" + e.userId() + "); "
                + e.changes());
    }

    @EventListener
    void on(PasswordReset e) {
        record(e.customerId().value(), "user.password-reset", "user=" + e.userPrincipalName() + " (" + e.userId()
                + ")");
    }

    @EventListener
    void on(UserDeleted e) {
        record(e.customerId().value(), "user.deleted", "user=" + e.userPrincipalName() + " (" + e.userId()
                + "); licenses suspended=" + e.licensesSuspended());
    }

    @EventListener
    void on(UsersRestored e) {
        record(e.customerId().value(), "users.restored", "requested=" + e.requested() + "; restored=" + e.restored()
                + "; failed=" + e.failed() + "; licenses restored=" + e.licensesRestored() + "; licenses not restored="
                + e.licensesNotRestored());
    }

    @EventListener
    void on(PasswordsHandedOut e) {
        record(e.customerId().value(), e.mailedTo() == null ? "passwords.downloaded" : "passwords.mailed",
                "sheet=" + e.sheetId() + "; users=" + e.users() + (e.mailedTo() == null ? "" : "; to=" + e.mailedTo()));
    }

    @EventListener
    void on(UsersPurged e) {
        record(e.customerId() == null ? null : e.customerId().value(), "users.purged", "purged=" + e.purged());
    }

    @EventListener
    void on(LicensesChanged e) {
        record(e.customerId().value(), "UNDO".equals(e.kind()) ? "licenses.undone" : "licenses.changed",
                "change=" + e.changeId() + "; users=" + e.selected() + "; succeeded=" + e.succeeded() + "; failed="
                        + e.failed() + "; products: " + e.products());
    }

    @EventListener
    void on(AgentInvited e) {
        record(null, "agent.invited", "agent=" + e.email() + "; role=" + e.role());
    }

    @EventListener
    void on(AgentChanged e) {
        record(null, "agent.changed", "agent=" + e.email() + "; role=" + e.role() + "; enabled=" + e.enabled());
    }

    @EventListener
    void on(PasswordChanged e) {
        record(null, "agent.password-changed", "agent=" + e.email());
    }

    @EventListener
    void on(ApiTokenChanged e) {
        record(e.customerId() == null ? null : e.customerId().value(), e.revoked() ? "token.revoked" : "token.created",
                (e.customerId() == null ? "agent=" : "user=") + e.email() + "; token=" + e.tokenName());
    }

    @EventListener
    void on(CustomerUserPasswordChanged e) {
        record(e.customerId().value(), "user.password-changed", "user=" + e.userName() + " (" + e.userId() + ")");
    }

    /** The actor is the name or address that failed (no one is signed in); the details say for how long. */
    @EventListener
    void on(SignInLocked e) {
        long seconds = e.lockedFor().toSeconds();
        repository.insert(e.subject(), null, "access.locked", (e.byAddress() ? "address=" : "user=") + e.subject()
                + "; failures=" + e.failures() + "; minutes=" + (seconds + 59) / 60 + "; seconds=" + seconds);
    }

    @EventListener
    void on(SignInUnlocked e) {
        record(null, "access.unlocked", "agent=" + e.email());
    }

    /** Failed sign-ins are logged even though no transaction is open: a new one is started for the line. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(AbstractAuthenticationFailureEvent e) {
        String name = String.valueOf(e.getAuthentication().getName());
        repository.insert(name, null, "signin.failed", "user=" + name + "; reason="
                + e.getException().getClass().getSimpleName());
    }

    private void record(UUID customerId, String action, String details) {
        repository.insert(CurrentActor.name(), customerId, action, details);
    }

    private static String signed(int n) {
        return n >= 0 ? "+" + n : String.valueOf(n);
    }
}
