/** A module whose API is its root package ({@link io.seatwise.modularity.violation.orders.Orders}). */
package io.seatwise.modularity.violation.orders;
