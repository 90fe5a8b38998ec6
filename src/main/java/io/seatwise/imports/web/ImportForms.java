package io.seatwise.imports.web;

import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Ids;

/**
 * The ids of the import pages' paths. Their errors and license failures are in the user pages' words: see
 * {@link ImportUsersController}.
 */
final class ImportForms {

    /** The user pages' error messages ({@code useradd.error.<type>[.<field>]}), which the import pages share. */
    static final String ERRORS = "useradd.error";
    /** The user pages' license failure words ({@code userdeleted.reason.<code>}), which the import pages share. */
    static final String REASONS = "userdeleted.reason.";

    private ImportForms() {
    }

    static CustomerId customerId(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }

    static UUID jobId(String id) {
        return Ids.parse(id, "import");
    }
}
