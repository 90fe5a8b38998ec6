/**
 * The console's shell and what every module's console and API share: layout and start page, locale, error pages
 * and the console's handling of domain errors, API problem details, request body limits, strict JSON, security
 * headers.
 *
 * <p>Its API is this package's public types, the helpers the modules' {@code web} packages use
 * ({@link io.seatwise.web.ConsoleMessages}, {@link io.seatwise.web.FormErrors}, {@link io.seatwise.web.Htmx},
 * {@link io.seatwise.web.Confirmation}, {@link io.seatwise.web.ReturnTo}, {@link io.seatwise.web.ConsoleView}) and
 * {@link io.seatwise.web.SecurityHeaders}, which access's filter chains apply, and
 * {@link io.seatwise.web.UnmappedRequestAnswer}, by which a module with its own protocol answers requests under its
 * paths that reach no controller. The handlers, filters and
 * configuration are package-private. A closed module, not an open or shared one: it has internals, and it depends
 * only on {@code shared}; modules whose console uses it list it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package io.seatwise.web;
