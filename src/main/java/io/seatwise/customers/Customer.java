package io.seatwise.customers;

import java.time.Instant;
import java.util.List;

/** A customer tenant with its domains (the first is the default). */
public record Customer(CustomerId id, String name, String country, List<String> domains, Instant createdAt) {

    /** The default domain (the first), the one a user name typed without a domain gets; null when none. */
    public String defaultDomain() {
        return domains.isEmpty() ? null : domains.get(0);
    }

    public boolean ownsDomain(String domain) {
        return domains.stream().anyMatch(d -> d.equalsIgnoreCase(domain));
    }
}
