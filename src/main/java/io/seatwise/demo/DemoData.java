package io.seatwise.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.seatwise.access.SystemActor;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.LicensingService;
import io.seatwise.licensing.Selection;
import io.seatwise.shared.PageRequest;
import io.seatwise.users.NewUser;
import io.seatwise.users.UserId;
import io.seatwise.users.UsersService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads demo tenants when {@code seatwise.demo-data=true} and there is no customer yet. */
@Component
@Order(20)
@ConditionalOnProperty(name = "seatwise.demo-data", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final SkuId M365_E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");
    static final SkuId BUSINESS_PREMIUM = SkuId.of("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46");
    static final SkuId EXCHANGE_PLAN_1 = SkuId.of("4b9405b0-7788-4568-add1-99614e613b69");
    static final SkuId TEAMS_PHONE = SkuId.of("e43b5b99-8dfb-405f-9987-dc307f34bcbd");
    static final SkuId DOMESTIC_CALLING = SkuId.of("0dab259f-bf13-4952-b7f8-7db8f131b28d");
    static final SkuId POWER_BI_PRO = SkuId.of("f8a1db68-be16-40ed-86d5-cb42ce701560");

    private record Seats(SkuId sku, int quantity) {
    }

    /** Licenses for the first {@code users} users of a tenant, after those of the entries before it. */
    private record Licenses(SkuId sku, int users) {
    }

    private record Tenant(String name, String country, List<String> domains, List<Seats> subscriptions,
            List<String[]> users, List<Licenses> licenses) {
    }

    private final CustomersService customers;
    private final UsersService users;
    private final LicensingService licensing;
    private final TransactionTemplate transaction;

    DemoData(CustomersService customers, UsersService users, LicensingService licensing,
            TransactionTemplate transaction) {
        this.customers = customers;
        this.users = users;
        this.licensing = licensing;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(() -> transaction.executeWithoutResult(status -> {
            if (customers.search(null, new PageRequest(0, 1)).totalCount() > 0) {
                return;
            }
            tenants().forEach(this::load);
            log.info("Demo data loaded: {} customers", tenants().size());
        }));
    }

    private void load(Tenant tenant) {
        Customer customer = customers.create(new NewCustomer(tenant.name(), tenant.country(), tenant.domains()));
        for (Seats s : tenant.subscriptions()) {
            customers.addSubscription(customer.id(), s.sku(), s.quantity());
        }
        String domain = tenant.domains().get(0);
        List<UserId> created = new ArrayList<>();
        for (String[] u : tenant.users()) {
            created.add(users.create(customer.id(), new NewUser(u[0] + "@" + domain, u[1], u[2], null, null, null),
                    List.of()).user().id());
        }
        // Some users licensed, so that the list's filters and Manage licenses show all, some and none.
        int next = 0;
        for (Licenses l : tenant.licenses()) {
            licensing.apply(customer.id(), new Selection.UserIds(created.subList(next, next + l.users())),
                    new LicenseChangeSpec(Map.of(l.sku(), Set.of()), Set.of()));
            next += l.users();
        }
    }

    private static List<Tenant> tenants() {
        return List.of(
                new Tenant("Contoso Ltd", "US", List.of("contoso.example", "contoso.onmicrosoft.example"),
                        List.of(new Seats(M365_E3, 25), new Seats(EXCHANGE_PLAN_1, 10),
                                new Seats(TEAMS_PHONE, 5), new Seats(DOMESTIC_CALLING, 5),
                                new Seats(POWER_BI_PRO, 0)),
                        List.of(new String[] {"adele.vance", "Adele", "Vance"},
                                new String[] {"alex.wilber", "Alex", "Wilber"},
                                new String[] {"diego.siciliani", "Diego", "Siciliani"},
                                new String[] {"grady.archie", "Grady", "Archie"},
                                new String[] {"isaiah.langer", "Isaiah", "Langer"},
                                new String[] {"johanna.lorenz", "Johanna", "Lorenz"},
                                new String[] {"lee.gu", "Lee", "Gu"},
                                new String[] {"lidia.holloway", "Lidia", "Holloway"},
                                new String[] {"megan.bowen", "Megan", "Bowen"},
                                new String[] {"nestor.wilke", "Nestor", "Wilke"}),
                        List.of(new Licenses(M365_E3, 6), new Licenses(EXCHANGE_PLAN_1, 2))),
                new Tenant("Fabrikam AB", "SE", List.of("fabrikam.example"),
                        List.of(new Seats(BUSINESS_PREMIUM, 15), new Seats(EXCHANGE_PLAN_1, 5)),
                        List.of(new String[] {"astrid.lindqvist", "Astrid", "Lindqvist"},
                                new String[] {"bjorn.ek", "Björn", "Ek"},
                                new String[] {"sofia.nystrom", "Sofia", "Nyström"}),
                        List.of(new Licenses(BUSINESS_PREMIUM, 2))),
                new Tenant("Northwind SARL", "FR", List.of("northwind.example"),
                        List.of(new Seats(M365_E3, 10)),
                        List.of(new String[] {"camille.durand", "Camille", "Durand"},
                                new String[] {"olga.ivanova", "Ольга", "Иванова"},
                                new String[] {"wang.fang", "芳", "王"}),
                        List.of(new Licenses(M365_E3, 3))));
    }
}
