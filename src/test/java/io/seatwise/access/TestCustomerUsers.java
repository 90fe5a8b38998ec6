package io.seatwise.access;

import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.users.CreatedUser;
import io.seatwise.users.DirectoryRole;
import io.seatwise.users.NewUser;
import io.seatwise.users.UserAccounts;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Test fixture: customer tenants and their users of a directory role, with a temporary password as created, or
 * with a chosen password and (for administrators) an API token, without the sign-in round-trip.
 */
@Component
public class TestCustomerUsers {

    public static final String PASSWORD = "customer-user-passphrase";
    /** Microsoft 365 E3 in the shipped catalog. */
    public static final SkuId E3 = SkuId.of(ApiTestSupport.E3);

    /** A test customer with one domain. */
    public record Tenant(CustomerId id, String domain) {

        @Override
        public String toString() {
            return id.toString();
        }
    }

    /** A customer user, its temporary password (null once it chose one) and its API token (null if none). */
    public record Member(Tenant tenant, UserId id, String userName, DirectoryRole role, String temporaryPassword,
            String token) {

        public String bearer() {
            return "Bearer " + token;
        }

        public CustomerId customerId() {
            return tenant.id();
        }
    }

    private final CustomersService customers;
    private final UsersService users;
    private final UserAccounts accounts;
    private final ApiTokenService tokens;
    private final PasswordEncoder encoder;

    TestCustomerUsers(CustomersService customers, UsersService users, UserAccounts accounts, ApiTokenService tokens,
            PasswordEncoder encoder) {
        this.customers = customers;
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
    }

    /** A customer with a unique name and domain and {@code e3Seats} seats of E3. */
    public Tenant tenant(int e3Seats) {
        String domain = "t" + UUID.randomUUID().toString().substring(0, 12) + ".example";
        Customer customer = SystemActor.call(() -> {
            Customer c = customers.create(new NewCustomer("Tenant " + domain, "SE", List.of(domain)));
            customers.addSubscription(c.id(), E3, e3Seats);
            return c;
        });
        return new Tenant(customer.id(), domain);
    }

    /** A user just created by an agent: it holds only its temporary password. */
    public Member withTemporaryPassword(Tenant tenant, DirectoryRole role) {
        String name = role.name().toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        CreatedUser created = SystemActor.call(() -> users.create(tenant.id(),
                new NewUser(name + "@" + tenant.domain(), "First", "Last", name, null, role), List.of()));
        return new Member(tenant, created.user().id(), created.user().userPrincipalName(), role,
                created.temporaryPassword(), null);
    }

    /** A user that chose {@link #PASSWORD}; an administrator also has an API token. */
    public Member create(Tenant tenant, DirectoryRole role) {
        Member m = withTemporaryPassword(tenant, role);
        accounts.setChosenPassword(tenant.id(), m.id(), encoder.encode(PASSWORD));
        boolean admin = role == DirectoryRole.GLOBAL_ADMIN || role == DirectoryRole.USER_ADMIN;
        return new Member(tenant, m.id(), m.userName(), role, null, admin ? token(m) : null);
    }

    /** A new API token of the user (as if it had asked for one). */
    public String token(Member m) {
        return tokens.create(new TokenOwner(null, m.customerId(), m.id(), m.userName()), "test").token();
    }
}
