/** The console's license pages: Manage licenses for the selected users, preview, Licenses updated, undo. */
package io.seatwise.licensing.web;
