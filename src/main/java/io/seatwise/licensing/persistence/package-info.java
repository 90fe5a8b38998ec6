/**
 * Licensing's SQL, by job: seat pools ({@link io.seatwise.licensing.persistence.SeatPools}), reading a selection
 * for the rules ({@link io.seatwise.licensing.persistence.SelectionReader}) and for the summary ({@link
 * io.seatwise.licensing.persistence.SelectionQueries}), writing assignments ({@link
 * io.seatwise.licensing.persistence.AssignmentWriter}) and per-user outcomes with PostgreSQL's binary COPY ({@link
 * io.seatwise.licensing.persistence.OutcomeRows}), and the change log ({@link
 * io.seatwise.licensing.persistence.ChangeLog}, {@link io.seatwise.licensing.persistence.ChangeResults}, {@link
 * io.seatwise.licensing.persistence.UndoReads}), a user's failures stored as one text column ({@code ViolationText}).
 * Where H2 and PostgreSQL differ, the statements come from {@link
 * io.seatwise.shared.SqlDialect}. Internal to licensing.
 */
package io.seatwise.licensing.persistence;
