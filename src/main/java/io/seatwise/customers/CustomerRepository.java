package io.seatwise.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.shared.Ids;
import io.seatwise.shared.Like;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for customers, domains, subscriptions and orders. Every customer-owned query filters by customer_id. */
@Repository
class CustomerRepository {

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Customer customer) {
        jdbc.sql("INSERT INTO customer (id, name, name_key, country, created_at) VALUES (:id, :name, :key, :country, :at)")
                .param("id", customer.id().value()).param("name", customer.name())
                .param("key", customer.name().toLowerCase(Locale.ROOT)).param("country", customer.country())
                .param("at", Timestamp.from(customer.createdAt())).update();
        boolean first = true;
        for (String domain : customer.domains()) {
            jdbc.sql("INSERT INTO customer_domain (customer_id, domain_name, is_default) VALUES (:c, :d, :def)")
                    .param("c", customer.id().value()).param("d", domain).param("def", first).update();
            first = false;
        }
    }

    List<String> takenDomains(List<String> domains) {
        return jdbc.sql("SELECT domain_name FROM customer_domain WHERE domain_name IN (:d)")
                .param("d", domains).query(String.class).list();
    }

    Optional<Customer> find(CustomerId id) {
        return jdbc.sql("SELECT id, name, country, created_at FROM customer WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> customer(rs, domains(id)))
                .optional();
    }

    /** Customers by name or domain; {@code only}, when not null, keeps just that customer (a tenant's own view). */
    PageResult<Customer> search(String text, UUID only, PageRequest page) {
        String pattern = text == null || text.isBlank() ? null : Like.containing(text);
        List<String> conditions = new ArrayList<>();
        if (pattern != null) {
            conditions.add("""
                    (c.name_key LIKE :p ESCAPE '\\'
                     OR EXISTS (SELECT 1 FROM customer_domain d WHERE d.customer_id = c.id
                                AND d.domain_name LIKE :p ESCAPE '\\'))""");
        }
        if (only != null) {
            conditions.add("c.id = :only");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var count = jdbc.sql("SELECT count(*) FROM customer c" + where);
        var select = jdbc.sql("SELECT c.id, c.name, c.country, c.created_at FROM customer c" + where
                        + " ORDER BY c.name_key, c.id LIMIT :limit OFFSET :offset")
                .param("limit", page.size()).param("offset", page.offset());
        if (pattern != null) {
            count = count.param("p", pattern);
            select = select.param("p", pattern);
        }
        if (only != null) {
            count = count.param("only", only);
            select = select.param("only", only);
        }
        long total = count.query(Long.class).single();
        List<Customer> rows = select.query((rs, n) -> customer(rs, List.of())).list();
        Map<UUID, List<String>> domains = domains(rows.stream().map(c -> c.id().value()).toList());
        List<Customer> items = rows.stream().map(c -> new Customer(c.id(), c.name(), c.country(),
                domains.getOrDefault(c.id().value(), List.of()), c.createdAt())).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private List<String> domains(CustomerId id) {
        return domains(List.of(id.value())).getOrDefault(id.value(), List.of());
    }

    private Map<UUID, List<String>> domains(List<UUID> customerIds) {
        Map<UUID, List<String>> result = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                SELECT customer_id, domain_name FROM customer_domain WHERE customer_id IN (:ids)
                ORDER BY customer_id, is_default DESC, domain_name
                """)
                .param("ids", customerIds)
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return result;
    }

    void insertSubscription(Subscription s) {
        jdbc.sql("""
                INSERT INTO subscription (customer_id, sku_id, quantity, assigned, created_at)
                VALUES (:c, :sku, :q, 0, :at)
                """)
                .param("c", s.customerId().value()).param("sku", s.skuId().value()).param("q", s.quantity())
                .param("at", Timestamp.from(s.createdAt())).update();
    }

    Optional<Subscription> findSubscription(CustomerId customer, SkuId sku) {
        return jdbc.sql("""
                SELECT customer_id, sku_id, quantity, assigned, created_at FROM subscription
                WHERE customer_id = :c AND sku_id = :sku
                """)
                .param("c", customer.value()).param("sku", sku.value())
                .query(CustomerRepository::subscription).optional();
    }

    List<Subscription> subscriptions(CustomerId customer) {
        return jdbc.sql("""
                SELECT s.customer_id, s.sku_id, s.quantity, s.assigned, s.created_at FROM subscription s
                JOIN product p ON p.sku_id = s.sku_id
                WHERE s.customer_id = :c ORDER BY p.product_name, s.sku_id
                """)
                .param("c", customer.value()).query(CustomerRepository::subscription).list();
    }

    /** Adds seats in one statement; the row stays locked until commit. Empty when there is no such subscription. */
    Optional<Subscription> addSeats(CustomerId customer, SkuId sku, int seats) {
        int rows = jdbc.sql("UPDATE subscription SET quantity = quantity + :n WHERE customer_id = :c AND sku_id = :sku")
                .param("n", seats).param("c", customer.value()).param("sku", sku.value()).update();
        return rows == 0 ? Optional.empty() : findSubscription(customer, sku);
    }

    /** Sets the seat count unless fewer than the seats already assigned; false when refused or missing. */
    boolean setQuantity(CustomerId customer, SkuId sku, int quantity) {
        return jdbc.sql("""
                UPDATE subscription SET quantity = :q
                WHERE customer_id = :c AND sku_id = :sku AND assigned <= :q
                """)
                .param("q", quantity).param("c", customer.value()).param("sku", sku.value()).update() == 1;
    }

    Order insertOrder(CustomerId customer, SkuId sku, int previous, int now, String by) {
        Order order = new Order(Ids.next(), customer, sku, now - previous, previous, now, by, Instant.now());
        jdbc.sql("""
                INSERT INTO subscription_order
                  (customer_id, id, sku_id, quantity_change, previous_quantity, new_quantity, ordered_by, ordered_at)
                VALUES (:c, :id, :sku, :change, :prev, :now, :by, :at)
                """)
                .param("c", customer.value()).param("id", order.id()).param("sku", sku.value())
                .param("change", order.quantityChange()).param("prev", previous).param("now", now)
                .param("by", by).param("at", Timestamp.from(order.orderedAt())).update();
        return order;
    }

    List<Order> orders(CustomerId customer, SkuId sku) {
        return jdbc.sql("""
                SELECT id, customer_id, sku_id, quantity_change, previous_quantity, new_quantity, ordered_by, ordered_at
                FROM subscription_order WHERE customer_id = :c AND sku_id = :sku ORDER BY ordered_at DESC, id DESC
                """)
                .param("c", customer.value()).param("sku", sku.value())
                .query((rs, n) -> new Order(rs.getObject("id", UUID.class),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        new SkuId(rs.getObject("sku_id", UUID.class)), rs.getInt("quantity_change"),
                        rs.getInt("previous_quantity"), rs.getInt("new_quantity"), rs.getString("ordered_by"),
                        Sql.instant(rs, "ordered_at")))
                .list();
    }

    private static Customer customer(ResultSet rs, List<String> domains) throws SQLException {
        return new Customer(new CustomerId(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("country"), domains, Sql.instant(rs, "created_at"));
    }

    private static Subscription subscription(ResultSet rs, int n) throws SQLException {
        return new Subscription(new CustomerId(rs.getObject("customer_id", UUID.class)),
                new SkuId(rs.getObject("sku_id", UUID.class)), rs.getInt("quantity"), rs.getInt("assigned"),
                Sql.instant(rs, "created_at"));
    }

}
