/**
 * The activity log: listens to the events of the other modules (customers, users, licensing, access) and to failed
 * sign-ins, and writes one line per change in the publisher's transaction. Nothing depends on it: no module declares
 * it among its allowed dependencies. Its public types ({@link io.seatwise.audit.ActivityLog},
 * {@link io.seatwise.audit.ActivityQuery}, {@link io.seatwise.audit.ActivityEntry}) are public for its own {@code web}
 * and {@code api}, which are internal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access::events", "catalog", "customers",
        "imports::events", "licensing::api", "passwordsheets", "provisioning::events", "shared", "users::api", "web" })
package io.seatwise.audit;
