package io.seatwise.users;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.users.selection.AssignmentsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the users list's counts exact (table {@code user_count}); every write to a customer's users tells it, and
 * every write to their license assignments reaches it as {@link AssignmentsChanged}, in the writing transaction.
 *
 * <p>The rule for every write path, present and future: in the same transaction as the write,
 * <ul>
 * <li>users inserted: {@link #added}(customer, rows inserted);</li>
 * <li>users soft-deleted ({@code deleted_at} set): {@link #deleted}(customer, rows changed);</li>
 * <li>users restored ({@code deleted_at} cleared): {@link #restored}(customer, rows changed);</li>
 * <li>deleted users removed for good: {@link #purged}(customer, rows removed);</li>
 * <li>anything else that can change which users a filter or search finds, or their order (names, role, sign-in
 * blocked): {@link #changed}(customer);</li>
 * <li>license assignments inserted, deleted, suspended or reactivated: nothing to call here; their one writer
 * publishes {@link AssignmentsChanged}, handled by {@link #on(AssignmentsChanged)} in the same transaction;</li>
 * <li>rows written behind these methods' back (bulk loaders, repairs): {@link #recount}(customer).</li>
 * </ul>
 * Pass the row counts the statements report, so the figures stay exact under concurrent writers. Calling too often
 * only costs a recount of the filters' cached counts; forgetting a call leaves a stale count.
 *
 * <p>Nothing is written at the call: the transaction's changes per customer are summed and applied by one
 * {@code UPDATE} just before it commits (several customers in id order). The row lock is therefore held only while
 * committing and taken after the transaction's own work and its locks: writers queue on it for a moment, whatever
 * order they lock other rows in, and cannot deadlock on it. The call must be made inside the writing transaction
 * (outside one it throws: the count would not commit with the rows).
 */
@Component
public class UserListChanges {

    private final JdbcClient jdbc;

    UserListChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Something about the customer's users changed that leaves the numbers of users and deleted users as they are. */
    public void changed(CustomerId customer) {
        pending().add(customer.value(), 0, 0, false);
    }

    /**
     * License assignments changed: counted as {@link #changed}, synchronously in the publishing transaction (a plain
     * {@link EventListener}, not an after-commit one), so the count commits with the assignments.
     */
    @EventListener
    void on(AssignmentsChanged event) {
        changed(event.customerId());
    }

    /** {@code n} users were inserted. */
    public void added(CustomerId customer, long n) {
        pending().add(customer.value(), n, 0, false);
    }

    /** {@code n} users were soft-deleted. */
    public void deleted(CustomerId customer, long n) {
        pending().add(customer.value(), -n, n, false);
    }

    /** {@code n} deleted users were restored. */
    public void restored(CustomerId customer, long n) {
        pending().add(customer.value(), n, -n, false);
    }

    /** {@code n} deleted users were removed for good. */
    public void purged(CustomerId customer, long n) {
        pending().add(customer.value(), 0, -n, false);
    }

    /** The numbers are counted afresh from the table at commit (for writes that did not report their rows). */
    public void recount(CustomerId customer) {
        pending().add(customer.value(), 0, 0, true);
    }

    /** Whether the current transaction has changed the customer's users (its own reads must not use the counts). */
    static boolean pendingIn(UUID customer) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.deltas.containsKey(customer)) {
                return true;
            }
        }
        return false;
    }

    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // Outside a transaction the bump could not commit with the write: a reader in between would cache a
            // count under the old version.
            throw new IllegalStateException("users changed outside a transaction");
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p) {
                return p;
            }
        }
        Pending p = new Pending();
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /** One transaction's changes, per customer in id order (the order their rows are locked in). */
    private final class Pending implements TransactionSynchronization {

        private final Map<UUID, Delta> deltas = new TreeMap<>();

        void add(UUID customer, long users, long deleted, boolean recount) {
            Delta d = deltas.computeIfAbsent(customer, c -> new Delta());
            d.users += users;
            d.deleted += deleted;
            d.recount |= recount;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            deltas.forEach(UserListChanges.this::apply);
        }
    }

    private static final class Delta {
        long users;
        long deleted;
        boolean recount;
    }

    private void apply(UUID customer, Delta d) {
        // The customer's first change since the table began inserts its row, counted (this transaction's own rows
        // included); when a concurrent first change wins that insert, this one goes on top of it.
        for (int attempt = 0; attempt < 2; attempt++) {
            if (d.recount ? recount(customer) : bump(customer, d.users, d.deleted)) {
                return;
            }
            if (jdbc.sql("""
                    INSERT INTO user_count (customer_id, version, users, deleted)
                    SELECT :c, 1, COALESCE(SUM(CASE WHEN u.deleted_at IS NULL THEN 1 ELSE 0 END), 0),
                           COALESCE(SUM(CASE WHEN u.deleted_at IS NULL THEN 0 ELSE 1 END), 0)
                    FROM app_user u WHERE u.customer_id = :c
                    ON CONFLICT DO NOTHING
                    """).param("c", customer).update() == 1) {
                return;
            }
        }
        throw new IllegalStateException("no user_count row for customer " + customer);
    }

    private boolean bump(UUID customer, long users, long deleted) {
        return jdbc.sql("UPDATE user_count SET version = version + 1, users = users + :u, deleted = deleted + :d "
                        + "WHERE customer_id = :c")
                .param("u", users).param("d", deleted).param("c", customer).update() == 1;
    }

    /** Locked first, counted after: writers that committed before the lock are counted, later ones add on top. */
    private boolean recount(UUID customer) {
        if (jdbc.sql("SELECT version FROM user_count WHERE customer_id = :c FOR UPDATE").param("c", customer)
                .query(Long.class).optional().isEmpty()) {
            return false;
        }
        jdbc.sql("""
                UPDATE user_count SET version = version + 1,
                  users = (SELECT count(*) FROM app_user u WHERE u.customer_id = :c AND u.deleted_at IS NULL),
                  deleted = (SELECT count(*) FROM app_user u WHERE u.customer_id = :c AND u.deleted_at IS NOT NULL)
                WHERE customer_id = :c
                """).param("c", customer).update();
        return true;
    }
}
