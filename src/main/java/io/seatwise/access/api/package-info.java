/**
 * {@code /api/v1/agents}, API tokens and second factors over REST. Internal to the access module.
 */
package io.seatwise.access.api;
