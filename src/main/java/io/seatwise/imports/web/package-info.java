/**
 * The console's Import users pages: the template, the upload with its validation report, "Create N valid users" as
 * a job whose page polls its progress, ending on the password sheet's page.
 */
package io.seatwise.imports.web;
