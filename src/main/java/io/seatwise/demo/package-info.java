/**
 * Demo customers, subscriptions and users for a first look, loaded once into an empty database when
 * {@code seatwise.demo-data=true}. Nothing depends on it; it uses the other modules' APIs as the console would, as
 * the system actor ({@code access::system}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access::system", "catalog", "customers",
        "licensing::api", "shared", "users::api" })
package io.seatwise.demo;
