package io.seatwise.users;

import org.springframework.modulith.NamedInterface;

/** A customer user's administrative role inside its tenant. */
@NamedInterface("api")
public enum DirectoryRole {
    NONE, GLOBAL_ADMIN, USER_ADMIN, HELPDESK_ADMIN, BILLING_ADMIN
}
