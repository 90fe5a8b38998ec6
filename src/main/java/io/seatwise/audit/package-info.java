/** The activity log: listens to every module's events; nothing depends on it. */
package io.seatwise.audit;
