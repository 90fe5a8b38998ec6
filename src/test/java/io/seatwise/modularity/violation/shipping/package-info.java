/** A module that declares it depends on nothing, yet uses the orders module's API. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.seatwise.modularity.violation.shipping;
