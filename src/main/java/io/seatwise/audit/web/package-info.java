/**
 * The console's activity log page: filters, paging, the lines in the reader's words, CSV export. Internal to the
 * audit module.
 */
package io.seatwise.audit.web;
