/**
 * The customer's Provisioning tab: the SCIM base URL, its provisioning tokens (created with the secret shown once,
 * listed with their last use, revoked after a confirmation). Internal to the scim module.
 */
package io.seatwise.provisioning.web;
