package io.seatwise.modularity.violation.orders.internal;

/** Internal to the orders module: public for Java, so that {@code Orders} can use it, but in a subpackage. */
public class OrderLines {

    public int size() {
        return 0;
    }
}
