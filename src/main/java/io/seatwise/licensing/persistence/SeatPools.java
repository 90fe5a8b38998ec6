package io.seatwise.licensing.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer's seat pools (table {@code subscription}): read, locked until commit, and counted down or up by
 * one conditional statement per product. Every writer locks pools in sku order, so two changes cannot deadlock.
 */
@Repository
public class SeatPools {

    private final JdbcClient jdbc;

    SeatPools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Seats of the customer's subscriptions, by product. */
    public Map<SkuId, Seats> seats(CustomerId customer) {
        Map<SkuId, Seats> result = new HashMap<>();
        jdbc.sql("SELECT sku_id, quantity, assigned FROM subscription WHERE customer_id = :c")
                .param("c", customer.value())
                .query(rs -> {
                    result.put(new SkuId(rs.getObject(1, UUID.class)), new Seats(rs.getInt(2), rs.getInt(3)));
                });
        return result;
    }

    /** Locks a subscription row until commit and answers its seats; {@link Seats#NONE} when there is none. */
    public Seats lock(CustomerId customer, SkuId sku) {
        return jdbc.sql("SELECT quantity, assigned FROM subscription WHERE customer_id = :c AND sku_id = :sku "
                        + "FOR UPDATE")
                .param("c", customer.value()).param("sku", sku.value())
                .query((rs, n) -> new Seats(rs.getInt(1), rs.getInt(2))).optional().orElse(Seats.NONE);
    }

    /** Locks every seat pool of the customer in sku order and answers the free seats of each, in sku order. */
    public Map<SkuId, Integer> lockAll(CustomerId customer) {
        Map<SkuId, Integer> free = new TreeMap<>();
        jdbc.sql("SELECT sku_id, quantity - assigned FROM subscription WHERE customer_id = :c ORDER BY sku_id "
                        + "FOR UPDATE")
                .param("c", customer.value())
                .query(rs -> {
                    free.put(new SkuId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
        return free;
    }

    /** Takes n seats in one conditional statement; false when fewer are free. Locks the row until commit. */
    public boolean take(CustomerId customer, SkuId sku, int n) {
        return jdbc.sql("""
                UPDATE subscription SET assigned = assigned + :n
                WHERE customer_id = :c AND sku_id = :sku AND assigned + :n <= quantity
                """)
                .param("n", n).param("c", customer.value()).param("sku", sku.value()).update() == 1;
    }

    /** Gives n seats back. */
    public void release(CustomerId customer, SkuId sku, int n) {
        jdbc.sql("UPDATE subscription SET assigned = assigned - :n WHERE customer_id = :c AND sku_id = :sku")
                .param("n", n).param("c", customer.value()).param("sku", sku.value()).update();
    }
}
