/** The console's customer pages: the customers list, a customer with its subscriptions, Buy more. */
package io.seatwise.customers.web;
