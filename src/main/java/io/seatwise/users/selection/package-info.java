/**
 * The set-based read of users that other modules use for speed: the SQL of a {@link
 * io.seatwise.users.UserFilter} ({@link io.seatwise.users.selection.UserFilterSql}), the columns licensing reads of
 * a selected user ({@link io.seatwise.users.selection.UserSelectionSql}), the columns and mapping of a {@link
 * io.seatwise.users.User} for a module that selects users with its own WHERE ({@link
 * io.seatwise.users.selection.UserRows}: SCIM's filter), and the event by which a writer of
 * license assignments tells the users list that its counts changed ({@link
 * io.seatwise.users.selection.AssignmentsChanged}). Licensing selects users in chunks of 20,000 with these
 * fragments in its own statements, instead of asking the users module for one user at a time.
 */
@org.springframework.modulith.NamedInterface("selection")
package io.seatwise.users.selection;
