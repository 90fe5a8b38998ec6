package io.seatwise.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.access.SystemActor;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.users.NewUser;
import io.seatwise.users.UserId;
import io.seatwise.users.UserListChanges;
import io.seatwise.users.UsersService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Test data for licensing: a customer with seat pools and users, built in a line or two. */
@Component
public class LicensingFixture {

    public static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");
    public static final SkuId EXCHANGE_PLAN_1 = SkuId.of("4b9405b0-7788-4568-add1-99614e613b69");
    public static final SkuId AUDIO_CONFERENCING = SkuId.of("0c266dff-15dd-4b49-8397-2bb16070ed52");
    public static final SkuId TEAMS_PHONE = SkuId.of("e43b5b99-8dfb-405f-9987-dc307f34bcbd");
    public static final SkuId DOMESTIC_CALLING = SkuId.of("0dab259f-bf13-4952-b7f8-7db8f131b28d");
    public static final ServicePlanId EXCHANGE_S_ENTERPRISE =
            new ServicePlanId(UUID.fromString("efb87545-963c-4e0d-99df-69c6916d9eb0"));
    /** Exchange Online (Plan 1)'s Exchange plan: excludes E3's. */
    public static final ServicePlanId EXCHANGE_S_STANDARD =
            new ServicePlanId(UUID.fromString("9aaf7827-d63c-4b61-89c3-182f06f82e5c"));
    /** Domestic Calling's plan: needs a phone system, Teams Phone's or a resource account's. */
    public static final ServicePlanId DOMESTIC_CALLING_PLAN =
            new ServicePlanId(UUID.fromString("4ed3ff63-69d7-4fb7-b984-5aec7f605ca8"));
    public static final ServicePlanId PHONE_SYSTEM =
            new ServicePlanId(UUID.fromString("4828c8ec-dc2e-4779-b502-87ac9ce28ab7"));
    public static final ServicePlanId PHONE_VIRTUAL_USER =
            new ServicePlanId(UUID.fromString("f47330e9-c134-43b3-9993-e7f004506889"));

    private final CustomersService customers;
    private final UsersService users;
    private final JdbcClient jdbc;
    private final UserListChanges listChanges;
    private final TransactionTemplate transaction;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    LicensingFixture(CustomersService customers, UsersService users, JdbcClient jdbc, UserListChanges listChanges,
            TransactionTemplate transaction, org.springframework.jdbc.core.JdbcTemplate template) {
        this.template = template;
        this.customers = customers;
        this.users = users;
        this.jdbc = jdbc;
        this.listChanges = listChanges;
        this.transaction = transaction;
    }

    /** A customer in {@code country} with the given seat pools (sku, quantity, sku, quantity …). */
    public Tenant tenant(String country, Object... pools) {
        String domain = "t" + UUID.randomUUID().toString().substring(0, 12) + ".example";
        Customer customer = SystemActor.call(() -> customers.create(new NewCustomer("Tenant " + domain, country,
                List.of(domain))));
        for (int i = 0; i < pools.length; i += 2) {
            SkuId sku = (SkuId) pools[i];
            int quantity = (Integer) pools[i + 1];
            SystemActor.run(() -> customers.addSubscription(customer.id(), sku, quantity));
        }
        return new Tenant(customer.id(), domain);
    }

    /** A test tenant. */
    public final class Tenant {

        private final CustomerId id;
        private final String domain;
        private int counter;

        Tenant(CustomerId id, String domain) {
            this.id = id;
            this.domain = domain;
        }

        public CustomerId id() {
            return id;
        }

        public String domain() {
            return domain;
        }

        public UserId user(String location) {
            String name = "user" + (++counter);
            return SystemActor.call(() -> users.create(id, new NewUser(name + "@" + domain, "First" + counter,
                    "Last" + counter, null, location, null))).id();
        }

        public List<UserId> users(int n, String location) {
            List<UserId> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(user(location));
            }
            return ids;
        }

        /**
         * Many users at once, written straight to the table (as an import would, in one batch) and counted for the
         * users list; for tests of selections larger than the engine's chunks.
         */
        public List<UserId> bulkUsers(int n, String location) {
            List<UserId> ids = new ArrayList<>(n);
            java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
            transaction.executeWithoutResult(s -> {
                List<Object[]> rows = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    UUID user = io.seatwise.shared.Ids.next();
                    ids.add(new UserId(user));
                    String name = "bulk" + (++counter) + "@" + domain;
                    rows.add(new Object[] {id.value(), user, name, name, name, location, now, now});
                }
                template.batchUpdate("INSERT INTO app_user (customer_id, id, user_principal_name, user_name_key, "
                        + "display_name, usage_location, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        rows);
                listChanges.added(id, n);
            });
            return ids;
        }

        /** A user without usage location (set to NULL behind the service's default). */
        public UserId userWithoutLocation() {
            UserId user = user(null);
            jdbc.sql("UPDATE app_user SET usage_location = NULL WHERE customer_id = ? AND id = ?")
                    .param(id.value()).param(user.value()).update();
            return user;
        }

        /**
         * Marks the user deleted behind the service as the service does (its user name given up: user_name_key NULL),
         * and tells the users list's counts, as every writer must.
         */
        public void delete(UserId user) {
            transaction.executeWithoutResult(s -> listChanges.deleted(id, jdbc.sql("UPDATE app_user SET deleted_at = "
                    + "CURRENT_TIMESTAMP, user_name_key = NULL WHERE customer_id = ? AND id = ? AND deleted_at IS NULL")
                    .param(id.value()).param(user.value()).update()));
        }

        public int assigned(SkuId sku) {
            return jdbc.sql("SELECT assigned FROM subscription WHERE customer_id = ? AND sku_id = ?")
                    .param(id.value()).param(sku.value()).query(Integer.class).single();
        }

        public int activeAssignments(SkuId sku) {
            return jdbc.sql("SELECT count(*) FROM license_assignment WHERE customer_id = ? AND sku_id = ? "
                    + "AND state = 'ACTIVE'").param(id.value()).param(sku.value()).query(Integer.class).single();
        }

        public int changes() {
            return jdbc.sql("SELECT count(*) FROM license_change WHERE customer_id = ?").param(id.value())
                    .query(Integer.class).single();
        }
    }

    public static LicenseChangeSpec assign(SkuId... skus) {
        Map<SkuId, Set<ServicePlanId>> map = new java.util.HashMap<>();
        for (SkuId sku : skus) {
            map.put(sku, Set.of());
        }
        return new LicenseChangeSpec(map, Set.of());
    }

    public static LicenseChangeSpec remove(SkuId... skus) {
        return new LicenseChangeSpec(Map.of(), Set.of(skus));
    }
}
