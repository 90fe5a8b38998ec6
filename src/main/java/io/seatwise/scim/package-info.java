/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) at {@code /scim/v2}: a customer's identity provider authenticates with
 * one of that customer's provisioning tokens ({@link io.seatwise.scim.ScimTokens}); the request then carries a
 * {@link io.seatwise.scim.ScimPrincipal} naming the customer. Discovery documents, SCIM errors, the tokens' own
 * security filter chain (rate limited through {@code access::limits}) and their management pages and API.
 *
 * <p>Named interface {@code scim::events}: {@link io.seatwise.scim.ScimTokenChanged}, for the activity log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access::limits", "customers", "shared",
        "web" })
package io.seatwise.scim;
