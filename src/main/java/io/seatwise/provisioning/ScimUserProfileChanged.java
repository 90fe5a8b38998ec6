package io.seatwise.provisioning;

import java.util.List;

import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserId;
import org.springframework.modulith.NamedInterface;

/**
 * Provisioning changed attributes Seatwise keeps for SCIM only (userType, title, the enterprise extension's fields,
 * emails…; {@link ScimUserProfile}) of a user (named interface {@code provisioning::events}, for the activity log, as done by
 * the token). Published in the transaction that stored them; the users module's own changes are logged by it.
 *
 * @param changes each attribute changed: its name (userType, department, emails…), the value before and after (null:
 *        none)
 */
@NamedInterface("events")
public record ScimUserProfileChanged(CustomerId customerId, UserId userId, String userName, List<Change> changes) {

    public ScimUserProfileChanged {
        changes = List.copyOf(changes);
    }

    /** One attribute changed: its name, and its value before and after (null: none). */
    @NamedInterface("events")
    public record Change(String field, String before, String after) {
    }
}
