/**
 * Sign-in and permissions: partner agents and their roles, customer users (confined to their own customer; Global
 * admins and User management admins administer it), second factors, lockout, rate limits, API tokens, console
 * sessions, tenant scoping of requests.
 *
 * <p>Other modules use three named interfaces: {@code access::events} ({@link io.seatwise.access.AccessEvents}, with
 * the {@link io.seatwise.access.AgentId} and {@link io.seatwise.access.Role} they carry) and {@code access::system}
 * ({@link io.seatwise.access.SystemActor}, to run work as "system"); and {@code access::limits}
 * ({@link io.seatwise.access.RequestBudgets}, the API's rate limits for another module's own bearer tokens). The
 * other public types of this package (agents, tokens, second factors, sessions) are public for its own {@code web}
 * and {@code api}, which are internal; no module depends on them. Filters, repositories and the security configuration are package-private.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customers", "jobs::owners", "shared",
        "users::api", "web" })
package io.seatwise.access;
