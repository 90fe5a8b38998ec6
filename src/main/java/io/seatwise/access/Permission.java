package io.seatwise.access;

/** What an actor may do; each is a Spring Security authority named by {@link #authority()}. */
public enum Permission {
    CUSTOMERS_READ("customers:read"),
    CUSTOMERS_WRITE("customers:write"),
    SUBSCRIPTIONS_WRITE("subscriptions:write"),
    USERS_READ("users:read"),
    USERS_WRITE("users:write"),
    AGENTS_MANAGE("agents:manage"),
    AUDIT_READ("audit:read");

    private final String authority;

    Permission(String authority) {
        this.authority = authority;
    }

    public String authority() {
        return authority;
    }
}
