package io.seatwise.modularity.violation.billing;

import io.seatwise.modularity.violation.orders.internal.OrderLines;

/** Uses a type internal to the orders module: a violation {@code BoundaryViolationsTests} expects. */
public class Invoices {

    public int lines(OrderLines lines) {
        return lines.size();
    }
}
