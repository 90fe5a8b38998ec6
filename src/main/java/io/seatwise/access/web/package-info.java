/** The console's access pages: agents, the signed-in person's own account, API tokens and password. */
package io.seatwise.access.web;
