/**
 * Import users from CSV (product.md, "Import users"): reading a file in whatever encoding Excel wrote it
 * ({@code LegacyEncodings}, header, columns, rows), checking every row with the line, column and reason of each
 * problem, the template, and creating the valid rows through {@link io.seatwise.users.UserCreation} onto a password
 * sheet, their licenses given in one change. Its public API: {@link io.seatwise.imports.UserImports} (check or
 * import a file now), {@link io.seatwise.imports.UserImportJobs} (an import as a job that survives a restart),
 * {@link io.seatwise.imports.ImportSlots} (at most two imports of a customer at once) and the
 * {@link io.seatwise.imports.UsersImported} event. It depends on {@code users} through that module's root API only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalog", "customers", "jobs",
        "passwordsheets", "shared", "users::api", "web" })
package io.seatwise.imports;
