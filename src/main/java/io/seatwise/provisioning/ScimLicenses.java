package io.seatwise.provisioning;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.customers.CustomerId;
import io.seatwise.users.User;
import io.seatwise.users.UserId;

/**
 * Licenses through provisioning (issue 14, point 4): what a SCIM user resource shows of a user's licenses, and making
 * them what the identity provider sends ({@code roles}, {@code entitlements}, or the Seatwise extension's
 * {@code licenses}).
 */
interface ScimLicenses {

    /** One wanted license: a role's/entitlement's {@code value} (part number or sku id), or the extension's skuId. */
    record Wanted(String value, List<String> disabledPlans) {
    }

    /** A product the user holds, as a role: value = part number, display = product name. */
    record Role(String value, String display, String skuId, List<String> disabledPlans) {
    }

    /** What a resource shows: the products held and the failures of the last time provisioning changed them. */
    record Shown(List<Role> roles, List<LicenseFailure> errors) {

        public static final Shown NONE = new Shown(List.of(), List.of());
    }

    /** Set-based: what each of these users' resources shows (users without anything may be left out of the map). */
    Map<UserId, Shown> shown(CustomerId customer, Collection<UserId> users);

    /**
     * Makes the user's licenses exactly {@code wanted} through the licensing engine and its rules. Never throws for a
     * license that cannot be given (too few seats, a rule, an unknown value): the failures are returned, stored (to be
     * shown on the resource and the Provisioning tab) and logged; an empty list means everything was given.
     *
     * <p>An empty {@code wanted} removes every license the user holds: call it only when the request carries
     * {@code roles}, {@code entitlements} or the extension's {@code licenses} (all of them together, each value once
     * or more: repeats are merged). A value is a subscribed product's part number (any case) or sku id; a disabled
     * plan a service plan id or name of that product (one the product does not have is left out). A product already
     * held with the same disabled plans is left alone; nothing to change runs no engine. Failures are Microsoft's
     * codes as the engine gives them; a value naming no subscribed product is {@code CountViolation} with a null
     * skuId. The caller's authentication must carry {@code customers:read}, {@code users:read} and
     * {@code users:write} within the customer's tenant, as a SCIM token's does; it joins the caller's transaction.
     */
    List<LicenseFailure> apply(CustomerId customer, UserId user, List<Wanted> wanted);

    /**
     * As {@link #apply}, for a caller that runs its whole transaction again when told: the seats may be taken only as
     * the caller's transaction commits (the seat pools then locked just while committing), and when they are gone by
     * then its commit throws {@link io.seatwise.licensing.SeatsGoneAtCommit}, everything rolled back; the caller then
     * runs the transaction again with {@link #apply}.
     */
    List<LicenseFailure> applyAtCommit(CustomerId customer, UserId user, List<Wanted> wanted);

    /**
     * As {@link #applyAtCommit} ({@code atCommit}) or {@link #apply}, for a user the caller's transaction has just
     * created: its row is already the transaction's, and it holds no license nor stored failure, so none are read.
     */
    List<LicenseFailure> applyToCreated(CustomerId customer, User created, List<Wanted> wanted, boolean atCommit);
}
