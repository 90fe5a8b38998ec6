package io.seatwise.access;

import java.io.Serial;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.CurrentActor;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.User;
import io.seatwise.users.UserAccounts.Credentials;
import io.seatwise.users.UserId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in customer user as Spring Security sees it. It is confined to its own customer ({@code tenant:<id>})
 * and carries its directory role; a Global admin or User management admin gets the permissions to read its
 * customer and manage its users and licenses, any other customer user none (it may only change its password).
 */
public final class CustomerUserPrincipal implements UserDetails {

    /** Fixed, so that a session stored in the database by one release is still read by the next. */
    @Serial
    private static final long serialVersionUID = 1L;

    /** Directory roles that administer their customer's users in Seatwise. */
    static final Set<DirectoryRole> ADMIN_ROLES = EnumSet.of(DirectoryRole.GLOBAL_ADMIN, DirectoryRole.USER_ADMIN);
    /** What a customer administrator may do: never buy seats, create customers, manage agents or read the log. */
    static final Set<Permission> ADMIN_PERMISSIONS = EnumSet.of(Permission.CUSTOMERS_READ, Permission.USERS_READ,
            Permission.USERS_WRITE);
    static final String ROLE = "ROLE_CUSTOMER_USER";

    private final CustomerId customerId;
    private final UserId userId;
    private final String userName;
    private final String displayName;
    private final DirectoryRole directoryRole;
    private final boolean active;
    private final boolean mustChangePassword;
    private final transient String passwordHash;
    private final Instant passwordExpiresAt;

    private CustomerUserPrincipal(Credentials credentials, boolean withPassword) {
        User user = credentials.user();
        this.customerId = user.customerId();
        this.userId = user.id();
        this.userName = user.userPrincipalName();
        this.displayName = user.displayName();
        this.directoryRole = user.directoryRole();
        this.active = credentials.active();
        this.mustChangePassword = credentials.mustChangePassword();
        this.passwordHash = withPassword ? credentials.passwordHash() : null;
        this.passwordExpiresAt = withPassword ? credentials.passwordExpiresAt() : null;
    }

    /** For sign-in: with the password hash and its expiry. */
    static CustomerUserPrincipal forSignIn(Credentials credentials) {
        return new CustomerUserPrincipal(credentials, true);
    }

    /** For a session or a token: the user as it is now, without its password. */
    static CustomerUserPrincipal current(Credentials credentials) {
        return new CustomerUserPrincipal(credentials, false);
    }

    public CustomerId customerId() {
        return customerId;
    }

    public UserId userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public DirectoryRole directoryRole() {
        return directoryRole;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** A Global admin or User management admin: manages its customer's users in the console and the API. */
    public boolean administers() {
        return ADMIN_ROLES.contains(directoryRole);
    }

    /** A temporary password stops working when it expires; an administrator then resets it. */
    @Override
    public boolean isCredentialsNonExpired() {
        return passwordExpiresAt == null || Instant.now().isBefore(passwordExpiresAt);
    }

    /** Blocked or deleted users do not sign in, and their sessions and tokens stop working. */
    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(ROLE));
        authorities.add(new SimpleGrantedAuthority(CurrentActor.TENANT_PREFIX + customerId.value()));
        authorities.add(new SimpleGrantedAuthority(CurrentActor.DIRECTORY_ROLE_PREFIX + directoryRole.name()));
        if (mustChangePassword) {
            authorities.add(new SimpleGrantedAuthority(AgentPrincipal.PASSWORD_CHANGE_REQUIRED));
            return authorities;
        }
        if (administers()) {
            ADMIN_PERMISSIONS.forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return userName;
    }

    /** Whether the session's copy still says what the database says about role, state and password. */
    boolean sameAs(CustomerUserPrincipal now) {
        return now.directoryRole == directoryRole && now.active == active
                && now.mustChangePassword == mustChangePassword;
    }
}
