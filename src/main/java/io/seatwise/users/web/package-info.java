/** The console's user pages: a customer's users tab. */
package io.seatwise.users.web;
