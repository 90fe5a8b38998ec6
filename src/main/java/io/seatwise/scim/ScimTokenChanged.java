package io.seatwise.scim;

import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/** A customer's SCIM provisioning token was created or revoked (named interface {@code scim::events}). */
@NamedInterface("events")
public record ScimTokenChanged(CustomerId customerId, String tokenName, boolean revoked) {
}
