/** The console's access pages: agents, the signed-in agent's API tokens and password. */
package io.seatwise.access.web;
