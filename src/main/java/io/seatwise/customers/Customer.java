package io.seatwise.customers;

import java.time.Instant;
import java.util.List;

/** A customer tenant with its domains (the first is the default). */
public record Customer(CustomerId id, String name, String country, List<String> domains, Instant createdAt) {

    public boolean ownsDomain(String domain) {
        return domains.stream().anyMatch(d -> d.equalsIgnoreCase(domain));
    }
}
