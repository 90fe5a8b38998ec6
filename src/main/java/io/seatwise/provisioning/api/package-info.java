/**
 * {@code /api/v1/customers/{id}/scimtokens}: a customer's SCIM provisioning tokens over REST. Internal to the scim
 * module.
 */
package io.seatwise.provisioning.api;
