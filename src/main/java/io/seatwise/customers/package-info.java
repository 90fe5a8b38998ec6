/** Customer tenants, their domains, their subscriptions (seat pools) and the orders that change them. */
package io.seatwise.customers;
