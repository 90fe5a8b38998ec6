/**
 * Licensing, as other modules use it: {@link io.seatwise.licensing.LicensingService} (summary for a selection,
 * preview, apply, stored changes, undo) and {@link io.seatwise.licensing.BestEffortChanges} (a change at best
 * effort, for provisioning), the change ({@link io.seatwise.licensing.Selection}, {@link
 * io.seatwise.licensing.LicenseChangeSpec}), its results, {@link io.seatwise.licensing.LicensingEvents} and the job
 * kind {@link io.seatwise.licensing.LicenseChangeJobs}; it implements the users module's license port
 * ({@link io.seatwise.users.UserLicenses}). Inside, none of it visible to other modules: {@code rules} holds the
 * licensing rules as plain Java policies and their evaluator (the actor's role comes in as data); {@code engine} runs
 * a change chunk by chunk, its seats counted by a strict or a best-effort seat ledger, its timings as Micrometer
 * observations; {@code persistence} holds its SQL by job (seat pools, reading a selection, writing assignments with
 * PostgreSQL's COPY, the change log). It reads users set-based only through the users module's {@code selection}
 * named interface, and tells the users list that assignments changed by one event
 * ({@link io.seatwise.users.selection.AssignmentsChanged}) that the users module handles in the same transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "customers", "jobs", "shared",
        "users::api", "users::selection", "web" })
package io.seatwise.licensing;
