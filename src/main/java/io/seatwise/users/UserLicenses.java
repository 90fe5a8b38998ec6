package io.seatwise.users;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/**
 * What the user lifecycle needs of the licensing engine. The users module declares it and the licensing module
 * implements it, so licensing may keep depending on users (filters) without a cycle. Callers have checked
 * permissions and hold the transaction.
 */
@NamedInterface("api")
public interface UserLicenses {

    /** A product to give a new user, with the service plans to leave off. */
    @NamedInterface("api")
    record LicenseRequest(SkuId skuId, Set<ServicePlanId> excludedPlans) {

        public LicenseRequest {
            excludedPlans = excludedPlans == null ? Set.of() : Set.copyOf(excludedPlans);
        }
    }

    /** One user's result of a license assignment at creation; {@code changeId} is the stored license change. */
    @NamedInterface("api")
    record LicenseOutcome(UUID changeId, boolean succeeded, List<LicenseFailure> errors) {
    }

    /** One user's restored licenses, and those left off (with a code: CountViolation when no seat was free). */
    @NamedInterface("api")
    record RestoredLicenses(List<SkuId> restored, List<LicenseFailure> notRestored) {
    }

    /**
     * One stored change that gave licenses to new users: its counts, and per-user outcomes: the first users' up to
     * the engine's result limit and, when more users failed than those show, the first failed users' too (up to
     * the same limit); the rest are read from the stored change.
     */
    @NamedInterface("api")
    record NewUserLicenses(UUID changeId, int succeeded, int failed, Map<UserId, LicenseOutcome> outcomes) {
    }

    /** A license a user holds, for reading (the console's user page). */
    @NamedInterface("api")
    record HeldLicense(SkuId skuId, String skuPartNumber, String productName, List<ServicePlanId> disabledPlans) {
    }

    /** The licenses a user holds now, by product name. */
    List<HeldLicense> held(CustomerId customer, UserId user);

    /** Refuses (400) licenses the customer is not subscribed to or plans that are not the product's. */
    void check(CustomerId customer, List<LicenseRequest> licenses);

    /**
     * Gives licenses to users just created, through the licensing engine (its rules and seat accounting): users
     * asking for the same licenses share one stored change. Too few seats fail those users with CountViolation,
     * the accounts stay.
     */
    default List<NewUserLicenses> assignToNewUsers(CustomerId customer, Map<UserId, List<LicenseRequest>> requests) {
        return assignToNewUsers(customer, requests, users -> { });
    }

    /** As {@link #assignToNewUsers(CustomerId, Map)}, telling {@code progress} how many users are done so far. */
    List<NewUserLicenses> assignToNewUsers(CustomerId customer, Map<UserId, List<LicenseRequest>> requests,
            java.util.function.IntConsumer progress);

    /** Suspends every active license of users being deleted: the seats are freed, the assignments remembered. */
    void suspend(CustomerId customer, List<UserId> users);

    /**
     * Makes the suspended licenses of users being restored active again, each where a seat is free (users in the
     * order given take seats first); disabled plans come back with them.
     */
    Map<UserId, RestoredLicenses> restore(CustomerId customer, List<UserId> users);

    /** Forgets every license of users being purged. */
    void purge(CustomerId customer, List<UserId> users);
}
