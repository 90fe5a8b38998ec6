package io.seatwise.access;

import java.util.EnumSet;
import java.util.Set;

import static io.seatwise.access.Permission.AGENTS_MANAGE;
import static io.seatwise.access.Permission.AUDIT_READ;
import static io.seatwise.access.Permission.CUSTOMERS_READ;
import static io.seatwise.access.Permission.CUSTOMERS_WRITE;
import static io.seatwise.access.Permission.SUBSCRIPTIONS_WRITE;
import static io.seatwise.access.Permission.USERS_READ;
import static io.seatwise.access.Permission.USERS_WRITE;

/** A partner agent's role: the permission matrix of product.md. */
public enum Role {
    /** Everything, including the partner's own agents and the activity log. */
    ADMIN(EnumSet.allOf(Permission.class)),
    /** Customers, subscriptions (Buy more), users and licenses. */
    SALES(EnumSet.of(CUSTOMERS_READ, CUSTOMERS_WRITE, SUBSCRIPTIONS_WRITE, USERS_READ, USERS_WRITE)),
    /** Users and licenses, password resets; sees customers but buys nothing and creates no customer. */
    HELPDESK(EnumSet.of(CUSTOMERS_READ, USERS_READ, USERS_WRITE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }
}
