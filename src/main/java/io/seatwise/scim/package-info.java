/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) of a customer's users by its identity provider. The query side:
 * {@link io.seatwise.scim.ScimUserQuery} finds a page of the customer's users for a SCIM {@code filter} (parsed by
 * UnboundID's SCIM 2 SDK, translated to parameterised SQL by {@link io.seatwise.scim.ScimFilterSql}), with
 * {@code startIndex}/{@code count} paging and {@code sortBy}/{@code sortOrder}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "customers", "shared", "users::api",
        "users::selection" })
package io.seatwise.scim;
