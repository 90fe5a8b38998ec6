package io.seatwise.provisioning;

import java.util.List;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licenses provisioning could not give a customer's users, for the customer's Provisioning tab: readable by
 * whoever manages the customer's provisioning tokens ({@link ScimTokens}).
 */
@Service
@Transactional(readOnly = true)
public class ScimLicenseErrors {

    /** The newest failures, newest first, and how many there are in all. */
    public record Recent(List<ScimLicenseError> errors, long total) {

        /** Whether more failures are stored than {@link #errors} shows. */
        public boolean capped() {
            return total > errors.size();
        }
    }

    private final ScimLicenseErrorRepository repository;
    private final CustomersService customers;

    ScimLicenseErrors(ScimLicenseErrorRepository repository, CustomersService customers) {
        this.repository = repository;
        this.customers = customers;
    }

    /** At most {@code limit} of the customer's failures, newest first, with their total. */
    @PreAuthorize(ScimTokens.MANAGE)
    public Recent recent(CustomerId customer, int limit) {
        customers.require(customer);
        return new Recent(repository.recent(customer, Math.max(0, limit)), repository.count(customer));
    }
}
