/**
 * Sign-in and permissions: partner agents and their roles, customer users (confined to their own customer; Global
 * admins and User management admins administer it), API tokens, tenant scoping of requests.
 */
package io.seatwise.access;
