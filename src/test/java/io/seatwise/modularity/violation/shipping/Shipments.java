package io.seatwise.modularity.violation.shipping;

import io.seatwise.modularity.violation.orders.Orders;

/** Uses the orders module's API although its module declares no dependency. */
public class Shipments {

    public int toShip(Orders orders) {
        return orders.count();
    }
}
