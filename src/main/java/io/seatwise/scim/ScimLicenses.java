package io.seatwise.scim;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.customers.CustomerId;
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
     */
    List<LicenseFailure> apply(CustomerId customer, UserId user, List<Wanted> wanted);
}
