package io.seatwise.scim;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.customers.CustomerId;
import io.seatwise.users.UserId;
import org.springframework.stereotype.Component;

/** Placeholder until licenses through provisioning land (issue 14, point 4): shows nothing, changes nothing. */
@Component
class NoScimLicenses implements ScimLicenses {

    @Override
    public Map<UserId, Shown> shown(CustomerId customer, Collection<UserId> users) {
        return Map.of();
    }

    @Override
    public List<LicenseFailure> apply(CustomerId customer, UserId user, List<Wanted> wanted) {
        return List.of();
    }
}
