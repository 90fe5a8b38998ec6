/**
 * The console's customer pages: the customers list, a customer with its subscriptions, Buy more. Internal to the
 * customers module; it uses the console helpers of the {@code web} module.
 */
package io.seatwise.customers.web;
