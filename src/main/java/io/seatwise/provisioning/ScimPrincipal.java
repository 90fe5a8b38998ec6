package io.seatwise.provisioning;

import java.security.Principal;
import java.util.UUID;

import io.seatwise.customers.CustomerId;

/**
 * Who an authenticated {@code /scim/v2} request is: the provisioning token, and so its one customer. Its name (what
 * the activity log shows as the actor) is {@code SCIM token "<name>"}.
 */
public record ScimPrincipal(CustomerId customerId, UUID tokenId, String tokenName) implements Principal {

    @Override
    public String getName() {
        return "SCIM token \"" + tokenName + "\"";
    }
}
