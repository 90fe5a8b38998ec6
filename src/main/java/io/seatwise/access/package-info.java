/** Partner agents, sign-in, API tokens, roles and permissions. */
package io.seatwise.access;
