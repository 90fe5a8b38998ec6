/** The license assignment engine: summary for a selection, preview, apply, undo, and exact seat accounting. */
package io.seatwise.licensing;
