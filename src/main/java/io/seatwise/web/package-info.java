/** The console's shell and cross-cutting web concerns: layout, locale, error pages, API problem details. */
package io.seatwise.web;
