/**
 * The shared kernel every module builds on: domain errors ({@link io.seatwise.shared.DomainException}), paging, the
 * current actor, time-ordered ids, clean text, country codes, CSV cells that stay text in Excel, SQL helpers and the
 * {@link io.seatwise.shared.SqlDialect} (where H2 and PostgreSQL differ), application keys, sealing and temporary
 * passwords.
 *
 * <p>A closed module like the others, not an open one: its API is this package's public types (each is used by other
 * modules), what only it needs is package-private, and it has no subpackages. It depends on no other module
 * ({@code allowedDependencies} is empty), so it can never be part of a cycle; every module that uses it lists it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.seatwise.shared;
