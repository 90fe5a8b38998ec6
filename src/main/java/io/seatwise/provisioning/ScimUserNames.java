package io.seatwise.provisioning;

import io.seatwise.customers.Customer;

/**
 * User names as SCIM clients send them: a {@code userName} without '@' (RFC 7643 §4.1.1 asks only for a unique
 * string) is the name typed into the console's add-user form, completed with the customer's default domain; one with
 * '@' must be in one of the customer's domains (400 {@code invalidValue} naming them). Wherever a client's user
 * name is compared with a stored one (a filter's {@code userName eq}, uniqueness), the bare value is also compared
 * as value@defaultDomain, so a client that sent a bare name finds its user again.
 */
final class ScimUserNames {

    private ScimUserNames() {
    }

    /** Whether a client's user name has no domain (no '@'). */
    static boolean bare(String userName) {
        return userName != null && userName.indexOf('@') < 0;
    }

    /** A bare name with the default domain; any other name (or no default domain) as it is. */
    static String complete(String userName, String defaultDomain) {
        if (!bare(userName) || userName.isBlank() || defaultDomain == null || defaultDomain.isBlank()) {
            return userName;
        }
        return userName.strip() + "@" + defaultDomain;
    }

    /**
     * The user name to store for a client's: a bare one completed with the customer's default domain; one in a
     * domain the customer does not have is a 400 {@code invalidValue} naming the customer's domains.
     */
    static String toStore(Customer customer, String userName) {
        String name = complete(userName.strip(), customer.defaultDomain());
        int at = name.lastIndexOf('@');
        if (at < 0 || at == name.length() - 1) {
            return name;
        }
        String domain = name.substring(at + 1);
        if (!customer.ownsDomain(domain)) {
            throw ScimException.badRequest("invalidValue", "userName " + name + " is not in one of the customer's"
                    + " domains: " + domain + " is not " + String.join(" or ", customer.domains()));
        }
        return name;
    }
}
