/**
 * The console's access pages: agents, the signed-in person's own account, password, second factor, API tokens, a
 * customer's two-step verification rule. Internal to the access module.
 */
package io.seatwise.access.web;
