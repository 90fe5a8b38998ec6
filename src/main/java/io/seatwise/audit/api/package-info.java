/** {@code /api/v1/activity}: the activity log over REST. Internal to the audit module. */
package io.seatwise.audit.api;
