/** The console's activity log page. */
package io.seatwise.audit.web;
