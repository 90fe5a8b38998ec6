package io.seatwise.licensing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.licensing.StoredChange;
import io.seatwise.licensing.UserOutcome;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.Sql;
import io.seatwise.users.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored changes ({@code license_change}, the "Licenses updated" confirmations): written when a change starts
 * and finishes, marked when undone, read back by id or a page at a time, with the users each failed. The per-user
 * rows are written by {@link OutcomeRows} and paged by {@link ChangeResults}.
 */
@Repository
public class ChangeLog {

    private static final String CHANGE_COLUMNS = """
            id, kind, undo_of, undone_by, created_by, created_at, assign_spec, remove_spec, selected, succeeded,
            failed, changed""";

    private final JdbcClient jdbc;

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a change as started, with no users yet. */
    public void insert(CustomerId customer, UUID change, String kind, UUID undoOf, String by, Instant at,
            String assignSpec, String removeSpec) {
        jdbc.sql("""
                INSERT INTO license_change (customer_id, id, kind, undo_of, created_by, created_at, assign_spec,
                  remove_spec, selected, succeeded, failed)
                VALUES (:c, :id, :kind, :undoOf, :by, :at, :assign, :remove, 0, 0, 0)
                """)
                .param("c", customer.value()).param("id", change).param("kind", kind).param("undoOf", undoOf)
                .param("by", by).param("at", Timestamp.from(at)).param("assign", assignSpec)
                .param("remove", removeSpec).update();
    }

    /** Stores a change's counts once it ran: users selected, succeeded, failed, and changed (a subset of succeeded). */
    public void finish(CustomerId customer, UUID change, int selected, int succeeded, int failed, int changed) {
        jdbc.sql("""
                UPDATE license_change SET selected = :sel, succeeded = :ok, failed = :failed, changed = :changed
                WHERE customer_id = :c AND id = :id
                """)
                .param("sel", selected).param("ok", succeeded).param("failed", failed).param("changed", changed)
                .param("c", customer.value()).param("id", change).update();
    }

    /** Marks a change undone; false when it already was (two undos racing). */
    public boolean markUndone(CustomerId customer, UUID id, UUID undo) {
        return jdbc.sql("UPDATE license_change SET undone_by = :undo WHERE customer_id = :c AND id = :id "
                        + "AND undone_by IS NULL")
                .param("undo", undo).param("c", customer.value()).param("id", id).update() == 1;
    }

    public Optional<StoredChange> change(CustomerId customer, UUID id) {
        return jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM license_change WHERE customer_id = :c AND id = :id")
                .param("c", customer.value()).param("id", id).query(ChangeLog::storedChange).optional();
    }

    /** A page of the customer's stored changes, newest first. */
    public PageResult<StoredChange> changes(CustomerId customer, PageRequest page) {
        long total = jdbc.sql("SELECT count(*) FROM license_change WHERE customer_id = :c")
                .param("c", customer.value()).query(Long.class).single();
        List<StoredChange> items = jdbc.sql("SELECT " + CHANGE_COLUMNS + " FROM license_change WHERE customer_id = :c "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("c", customer.value()).param("limit", page.size()).param("offset", page.offset())
                .query(ChangeLog::storedChange).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private static StoredChange storedChange(ResultSet rs, int n) throws SQLException {
        return new StoredChange(rs.getObject("id", UUID.class), rs.getString("kind"),
                rs.getObject("undo_of", UUID.class), rs.getObject("undone_by", UUID.class),
                rs.getString("created_by"), Sql.instant(rs, "created_at"), rs.getString("assign_spec"),
                rs.getString("remove_spec"), rs.getInt("selected"), rs.getInt("succeeded"), rs.getInt("failed"),
                rs.getObject("changed", Integer.class));
    }

    /** The first {@code limit} users a stored change failed, in the change's order, with why. */
    public List<UserOutcome> failures(CustomerId customer, UUID change, int limit) {
        return jdbc.sql("""
                SELECT user_id, errors FROM license_change_user
                WHERE customer_id = :c AND change_id = :id AND status = :failed ORDER BY seq LIMIT :limit
                """)
                .param("c", customer.value()).param("id", change).param("failed", OutcomeRows.FAILED)
                .param("limit", limit)
                .query((rs, n) -> UserOutcome.failed(new UserId(rs.getObject(1, UUID.class)),
                        ViolationText.decode(rs.getString(2))))
                .list();
    }
}
