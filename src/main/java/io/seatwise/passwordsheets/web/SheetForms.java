package io.seatwise.passwordsheets.web;

import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Ids;

/** The ids of the sheet page's paths; its errors are in the user pages' words ({@link #ERRORS}). */
final class SheetForms {

    /** The user pages' error messages, {@code useradd.error.<type>[.<field>]}, which the sheet page shares. */
    static final String ERRORS = "useradd.error";

    private SheetForms() {
    }

    static CustomerId customerId(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }

    static UUID sheetId(String id) {
        return Ids.parse(id, "password sheet");
    }
}
