package io.seatwise.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.jobs.Jobs;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At most {@code seatwise.limits.imports-per-customer} (2) imports of one customer at once, across every node, so
 * that one tenant's files cannot take the server from the others. An import checked or created in a request holds
 * a slot (a row, taken in its own transaction and given back after); a queued or running import job counts as one.
 * Taking a slot locks the customer's gate row, so two nodes cannot both take the last one. A further import is
 * refused with {@code too-many-imports} (429, with when to try again) and nothing is done.
 */
@Service
public class ImportSlots {

    /** A slot held by a request's import; closing it gives it back. */
    public interface Slot extends AutoCloseable {

        @Override
        void close();
    }

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final int perCustomer;
    private final Duration slotLifetime;
    private final Duration retryAfter;

    private final TransactionTemplate apart;

    ImportSlots(JdbcClient jdbc, Jobs jobs, PlatformTransactionManager transactions,
            @Value("${seatwise.limits.imports-per-customer:2}") int perCustomer,
            @Value("${seatwise.limits.import-slot-lifetime:30m}") Duration slotLifetime,
            @Value("${seatwise.limits.import-retry-after:30s}") Duration retryAfter) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.perCustomer = perCustomer;
        this.slotLifetime = slotLifetime;
        this.retryAfter = retryAfter;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes a slot for an import done in this request, or refuses; the caller gives it back by closing it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Slot take(CustomerId customer) {
        requireRoom(customer);
        UUID id = Ids.next();
        jdbc.sql("INSERT INTO import_slot (customer_id, id, expires_at) VALUES (:c, :id, :expires)")
                .param("c", customer.value()).param("id", id)
                .param("expires", java.sql.Timestamp.from(Instant.now().plus(slotLifetime))).update();
        return () -> release(customer, id);
    }

    /**
     * Refuses when the customer's imports fill every slot; otherwise holds the customer's gate until the current
     * transaction ends, so the job it is about to queue is counted by the next one to ask.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireRoom(CustomerId customer) {
        jdbc.sql("INSERT INTO import_gate (customer_id) VALUES (:c) ON CONFLICT DO NOTHING")
                .param("c", customer.value()).update();
        jdbc.sql("SELECT customer_id FROM import_gate WHERE customer_id = :c FOR UPDATE")
                .param("c", customer.value()).query(UUID.class).single();
        jdbc.sql("DELETE FROM import_slot WHERE customer_id = :c AND expires_at < :now")
                .param("c", customer.value()).param("now", java.sql.Timestamp.from(Instant.now())).update();
        int held = jdbc.sql("SELECT count(*) FROM import_slot WHERE customer_id = :c")
                .param("c", customer.value()).query(Integer.class).single();
        int running = held + jobs.active(customer, UserImportJobs.KIND);
        if (running >= perCustomer) {
            throw DomainException.tooMany("too-many-imports", "this customer already has " + running
                    + " imports running; at most " + perCustomer + " run at once. Try again when one has finished.",
                    retryAfter);
        }
    }

    /** Gives a slot back, in its own transaction (the import's may have rolled back). */
    private void release(CustomerId customer, UUID id) {
        apart.executeWithoutResult(status -> jdbc.sql("DELETE FROM import_slot WHERE customer_id = :c AND id = :id")
                .param("c", customer.value()).param("id", id).update());
    }
}
