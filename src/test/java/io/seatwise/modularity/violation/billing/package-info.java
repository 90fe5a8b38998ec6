/** A module that reaches into the orders module's internals ({@code orders.internal.OrderLines}). */
package io.seatwise.modularity.violation.billing;
