package io.seatwise.provisioning;

import io.seatwise.customers.CustomerId;
import org.springframework.modulith.NamedInterface;

/** A customer's SCIM provisioning token was created or revoked (named interface {@code provisioning::events}). */
@NamedInterface("events")
public record ScimTokenChanged(CustomerId customerId, String tokenName, boolean revoked) {
}
