package io.seatwise.provisioning;

import java.util.List;

import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserId;
import org.springframework.modulith.NamedInterface;

/**
 * Provisioning could not give a user some of the licenses its identity provider asked for (named interface
 * {@code provisioning::events}, for the activity log): too few seats, a licensing rule, or a value naming no subscribed
 * product. Published in the transaction that stored the failures.
 *
 * @param failures each failure: the product (part number, or the value as sent) and Microsoft's code
 */
@NamedInterface("events")
public record ScimLicensesFailed(CustomerId customerId, UserId userId, String userName, List<Failure> failures) {

    public ScimLicensesFailed {
        failures = List.copyOf(failures);
    }

    /** One license not given: the product (part number, or the value as sent) and Microsoft's error code. */
    @NamedInterface("events")
    public record Failure(String product, String code) {
    }
}
