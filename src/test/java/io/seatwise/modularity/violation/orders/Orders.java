package io.seatwise.modularity.violation.orders;

import io.seatwise.modularity.violation.orders.internal.OrderLines;

/** The orders module's API. */
public class Orders {

    private final OrderLines lines = new OrderLines();

    public int count() {
        return lines.size();
    }
}
