/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) at {@code /scim/v2} (issue 14):
 * <ul>
 * <li>a customer's identity provider authenticates with one of that customer's provisioning tokens
 * ({@link io.seatwise.provisioning.ScimTokens}); the request then carries a {@link io.seatwise.provisioning.ScimPrincipal} naming the
 * customer; the tokens have their own security filter chain (rate limited through {@code access::limits}) and their
 * management pages and API;</li>
 * <li>discovery documents and SCIM errors;</li>
 * <li>the query side: {@link io.seatwise.provisioning.ScimUserQuery} finds a page of the customer's users for a SCIM
 * {@code filter} (parsed by UnboundID's SCIM 2 SDK, translated to parameterised SQL by
 * {@link io.seatwise.provisioning.ScimFilterSql}), with {@code startIndex}/{@code count} paging and
 * {@code sortBy}/{@code sortOrder};</li>
 * <li>{@code /Users} ({@link io.seatwise.provisioning.ScimUsersController}): POST, GET, GET with a filter, POST
 * {@code /.search}, PUT, PATCH ({@link io.seatwise.provisioning.ScimPatch}), DELETE, written through the users module
 * ({@link io.seatwise.provisioning.ScimUsers}), the resource mapped both ways by {@link io.seatwise.provisioning.ScimUserResource}
 * and {@link io.seatwise.provisioning.ScimUserReader}, licenses through {@link io.seatwise.provisioning.ScimLicenses}; every error
 * a SCIM error ({@link io.seatwise.provisioning.ScimExceptionHandler}, {@link io.seatwise.provisioning.ScimUnmappedRequests}).</li>
 * <li>licenses through provisioning ({@link io.seatwise.provisioning.ScimLicenses}): a user's licenses made what the identity
 * provider sends through the licensing module's API ({@code licensing::api}, one best-effort engine run), the
 * licenses it could not give stored per user and listed on the Provisioning tab
 * ({@link io.seatwise.provisioning.ScimLicenseErrors}); {@code /Roles} and {@code /Entitlements} list the customer's
 * subscribed products.</li>
 * <li>the attributes kept for provisioning only ({@link io.seatwise.provisioning.ScimUserProfiles}: userType, title, the
 * enterprise extension's fields, emails…; tables {@code scim_user_profile} and {@code scim_user_email}, V26).</li>
 * </ul>
 *
 * <p>Named interface {@code provisioning::events}: {@link io.seatwise.provisioning.ScimTokenChanged},
 * {@link io.seatwise.provisioning.ScimLicensesFailed} and {@link io.seatwise.provisioning.ScimUserProfileChanged}, for the activity
 * log.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "access::limits", "catalog", "customers",
        "licensing::api", "shared", "users::api", "users::selection", "web" })
package io.seatwise.provisioning;
