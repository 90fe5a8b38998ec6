/**
 * Customer user accounts. Its public API, which the other modules use: {@link io.seatwise.users.UsersService}
 * (list, read, create one, edit, reset password, delete, restore), {@link io.seatwise.users.UserCreation} (the one
 * way users are created, one or many: prepare, write set-based, license), {@link io.seatwise.users.UserAccounts}
 * (what signing in needs), the list's filter and sort ({@link io.seatwise.users.UserFilter},
 * {@link io.seatwise.users.UserSort}, {@link io.seatwise.users.PageAnchor}), the selection kept for Manage licenses
 * ({@link io.seatwise.users.SelectedUsers}), its values ({@link io.seatwise.users.User},
 * {@link io.seatwise.users.UserId}, {@link io.seatwise.users.NewUser}, {@link io.seatwise.users.DirectoryRole}…),
 * its events ({@link io.seatwise.users.UserEvents}) and the port licensing implements
 * ({@link io.seatwise.users.UserLicenses}). Users past retention are purged by {@link io.seatwise.users.UserPurge}.
 * The SQL (repositories, the list query) is package-private; where H2 and PostgreSQL differ it asks
 * {@link io.seatwise.shared.SqlDialect}. CSV import is the {@code imports} module's, password sheets the
 * {@code passwordsheets} module's.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "customers", "passwordsheets",
        "shared", "web" })
package io.seatwise.users;
