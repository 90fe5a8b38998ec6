package io.seatwise.customers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerEvents.CustomerCreated;
import io.seatwise.customers.CustomerEvents.SeatsChanged;
import io.seatwise.customers.CustomerEvents.SubscriptionAdded;
import io.seatwise.shared.CurrentActor;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Customers and their seat pools. Permission checks live here, so the console and the API share them. */
@Service
@Transactional
public class CustomersService {

    /** Upper bound of one subscription's seats, well inside an int. */
    public static final int MAX_SEATS = 10_000_000;
    /** The key of {@link #readInTransaction}'s customers among the transaction's resources. */
    private static final Object READ_KEY = new Object();

    /** Customers read by committed transactions (a customer never changes): {@link #readInTransaction}. */
    private final Cache<CustomerId, Customer> committed = Caffeine.newBuilder().maximumSize(10_000).build();
    private final CustomerRepository repository;
    private final CatalogService catalog;
    private final ApplicationEventPublisher events;

    CustomersService(CustomerRepository repository, CatalogService catalog, ApplicationEventPublisher events) {
        this.repository = repository;
        this.catalog = catalog;
        this.events = events;
    }

    @PreAuthorize("hasAuthority('customers:write')")
    public Customer create(NewCustomer command) {
        List<String> taken = repository.takenDomains(command.domains());
        if (!taken.isEmpty()) {
            throw takenDomain(command, taken.get(0));
        }
        Customer customer = new Customer(CustomerId.generate(), command.name(), command.country(), command.domains(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            repository.insert(customer);
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("domain-taken", "domains", "a domain is already used by another customer");
        }
        events.publishEvent(new CustomerCreated(customer.id(), customer.name(), customer.country(), customer.domains()));
        return customer;
    }

    private static DomainException takenDomain(NewCustomer command, String domain) {
        return new DomainException(DomainException.Kind.CONFLICT, "domain-taken",
                "domains[" + command.domains().indexOf(domain) + "]",
                "domain " + domain + " already belongs to a customer", Map.of("domain", domain));
    }

    /** The customers list; a customer's own administrator finds only its own customer. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('customers:read')")
    public PageResult<Customer> search(String text, PageRequest page) {
        return repository.search(text, CurrentActor.tenant().orElse(null), page);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('customers:read')")
    public Customer get(CustomerId id) {
        return require(id);
    }

    /**
     * For other modules: the customer or not-found, without a permission check of its own. Every customer-scoped
     * service calls it first, so an actor confined to one tenant gets not-found for any other customer's id,
     * exactly as for an id that does not exist.
     */
    @Transactional(readOnly = true)
    public Customer require(CustomerId id) {
        if (CurrentActor.tenant().filter(tenant -> !tenant.equals(id.value())).isPresent()) {
            throw DomainException.notFound("customer");
        }
        Customer customer = committed.getIfPresent(id);
        if (customer != null) {
            return customer;
        }
        Map<CustomerId, Customer> read = readInTransaction();
        customer = read.get(id);
        if (customer == null) {
            customer = repository.find(id).orElseThrow(() -> DomainException.notFound("customer"));
            read.put(id, customer);
        }
        return customer;
    }

    /**
     * The customers the current transaction has read, kept once it commits ({@link #committed}): a request's
     * services each call {@link #require} (a SCIM POST some eight times), and a customer never changes once created
     * (name, country and domains are fixed; no customer is deleted), so one read serves them all, and every later
     * request, on any instance. Only a committed read is kept: a customer created in a transaction that then rolls
     * back is never found.
     */
    @SuppressWarnings("unchecked")
    private Map<CustomerId, Customer> readInTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        Map<CustomerId, Customer> read = (Map<CustomerId, Customer>) TransactionSynchronizationManager
                .getResource(READ_KEY);
        if (read == null) {
            Map<CustomerId, Customer> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(READ_KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fresh.values().forEach(c -> committed.put(c.id(), new Customer(c.id(), c.name(), c.country(),
                            List.copyOf(c.domains()), c.createdAt())));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(READ_KEY);
                }
            });
            read = fresh;
        }
        return read;
    }

    @PreAuthorize("hasAuthority('subscriptions:write')")
    public Subscription addSubscription(CustomerId customerId, SkuId skuId, int quantity) {
        require(customerId);
        Product product = catalog.requireProduct(skuId, "skuId");
        checkSeats(quantity, 0, "quantity");
        if (repository.findSubscription(customerId, skuId).isPresent()) {
            throw DomainException.conflict("subscription-exists", "skuId",
                    "the customer already has a subscription for " + product.skuPartNumber() + "; use Buy more");
        }
        Subscription subscription = new Subscription(customerId, skuId, quantity, 0,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            repository.insertSubscription(subscription);
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("subscription-exists", "skuId", "the customer already has this subscription");
        }
        repository.insertOrder(customerId, skuId, 0, quantity, CurrentActor.name());
        events.publishEvent(new SubscriptionAdded(customerId, skuId, product.skuPartNumber(), quantity));
        return subscription;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('customers:read')")
    public List<Subscription> subscriptions(CustomerId customerId) {
        require(customerId);
        return repository.subscriptions(customerId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('customers:read')")
    public Subscription subscription(CustomerId customerId, SkuId skuId) {
        require(customerId);
        return repository.findSubscription(customerId, skuId)
                .orElseThrow(() -> DomainException.notFound("subscription"));
    }

    /** Buy more: adds seats and records the order. */
    @PreAuthorize("hasAuthority('subscriptions:write')")
    public Order buyMore(CustomerId customerId, SkuId skuId, int seats) {
        Subscription before = subscription(customerId, skuId);
        if (seats < 1) {
            throw DomainException.invalid("validation", "quantity", "quantity must be at least 1");
        }
        checkSeats(before.quantity() + (long) seats, 0, "quantity");
        Subscription after = repository.addSeats(customerId, skuId, seats)
                .orElseThrow(() -> DomainException.notFound("subscription"));
        return recordChange(after.quantity() - seats, after.quantity(), customerId, skuId);
    }

    /** Sets the seat count; never below the seats already assigned. */
    @PreAuthorize("hasAuthority('subscriptions:write')")
    public Order setQuantity(CustomerId customerId, SkuId skuId, int quantity) {
        Subscription before = subscription(customerId, skuId);
        checkSeats(quantity, 0, "quantity");
        if (!repository.setQuantity(customerId, skuId, quantity)) {
            Subscription now = subscription(customerId, skuId);
            throw new DomainException(DomainException.Kind.CONFLICT, "below-assigned", "quantity",
                    "cannot lower to " + quantity + " seats: " + now.assigned() + " are assigned",
                    Map.of("assigned", now.assigned(), "requested", quantity));
        }
        return recordChange(before.quantity(), quantity, customerId, skuId);
    }

    private Order recordChange(int previous, int now, CustomerId customerId, SkuId skuId) {
        Order order = repository.insertOrder(customerId, skuId, previous, now, CurrentActor.name());
        String part = catalog.findProduct(skuId).map(Product::skuPartNumber).orElse(skuId.toString());
        events.publishEvent(new SeatsChanged(customerId, skuId, part, previous, now));
        return order;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('customers:read')")
    public List<Order> orders(CustomerId customerId, SkuId skuId) {
        subscription(customerId, skuId);
        return repository.orders(customerId, skuId);
    }

    private static void checkSeats(long quantity, int min, String field) {
        if (quantity < min) {
            throw DomainException.invalid("validation", field, field + " must be " + min + " or more");
        }
        if (quantity > MAX_SEATS) {
            throw DomainException.invalid("validation", field, "a subscription holds at most " + MAX_SEATS + " seats");
        }
    }
}
