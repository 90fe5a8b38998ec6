package io.seatwise.users;

/** A customer user's administrative role inside its tenant. */
public enum DirectoryRole {
    NONE, GLOBAL_ADMIN, USER_ADMIN, HELPDESK_ADMIN, BILLING_ADMIN
}
