/**
 * Licensing, as other modules use it: {@link io.seatwise.licensing.LicensingService} (summary for a selection,
 * preview, apply, stored changes, undo), the change ({@link io.seatwise.licensing.Selection}, {@link
 * io.seatwise.licensing.LicenseChangeSpec}), its results, {@link io.seatwise.licensing.LicensingEvents} and the job
 * kind {@link io.seatwise.licensing.LicenseChangeJobs}. Inside: {@code engine} runs a change chunk by chunk with
 * exact seat accounting, {@code persistence} holds its SQL by job.
 */
package io.seatwise.licensing;
