/**
 * {@code /api/v1/customers}: customers, their subscriptions and orders over REST. Internal to the customers module.
 */
package io.seatwise.customers.api;
