/**
 * Sign-in and permissions: partner agents and their roles, customer users (confined to their own customer; Global
 * admins and User management admins administer it), second factors, lockout, rate limits, API tokens, console
 * sessions, tenant scoping of requests.
 *
 * <p>Other modules use two named interfaces: {@code access::events} ({@link io.seatwise.access.AccessEvents}, with
 * the {@link io.seatwise.access.AgentId} and {@link io.seatwise.access.Role} they carry) and {@code access::system}
 * ({@link io.seatwise.access.SystemActor}, to run work as "system"). The other public types of this package
 * (agents, tokens, second factors, sessions) are public for its own {@code web} and {@code api}, which are internal;
 * no module depends on them. Filters, repositories and the security configuration are package-private.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customers", "jobs::owners", "shared",
        "users::api", "web" })
package io.seatwise.access;
