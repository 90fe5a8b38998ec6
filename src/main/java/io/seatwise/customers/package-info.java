/**
 * Customer tenants, their domains, their subscriptions (seat pools) and the orders that change them ("Buy more").
 *
 * <p>Its API is this package's public types: {@link io.seatwise.customers.CustomersService} (customers and their
 * seat pools, with the permission checks the console and the API share), the values
 * {@link io.seatwise.customers.CustomerId}, {@link io.seatwise.customers.Customer},
 * {@link io.seatwise.customers.NewCustomer}, {@link io.seatwise.customers.Subscription} and
 * {@link io.seatwise.customers.Order}, and the events of {@link io.seatwise.customers.CustomerEvents}. The SQL is
 * package-private; {@code web} and {@code api} are internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "shared", "web" })
package io.seatwise.customers;
