package io.seatwise.passwordsheets;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.passwordsheets.PasswordSheets.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of password sheets: a {@code password_sheet} row per sheet (owner, expiry, hand-out flags, count) and its
 * sealed groups of lines in {@code password_sheet_entry}; every statement filters by customer_id.
 */
@Repository
class PasswordSheetRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PasswordSheetRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insert(CustomerId customer, UUID id, String createdBy, Instant at, Instant expires) {
        jdbc.sql("""
                INSERT INTO password_sheet (customer_id, id, created_by, created_at, expires_at, entries)
                VALUES (:c, :id, :by, :at, :expires, 0)
                """)
                .param("c", customer.value()).param("id", id).param("by", createdBy)
                .param("at", Timestamp.from(at)).param("expires", Timestamp.from(expires)).update();
    }

    /** Appends sealed groups after the sheet's last one (one batch) and counts their lines on the sheet. */
    void append(CustomerId customer, UUID sheet, PasswordSheets.Sealed sealed) {
        int next = jdbc.sql("SELECT COALESCE(max(seq) + 1, 0) FROM password_sheet_entry WHERE customer_id = :c "
                        + "AND sheet_id = :id")
                .param("c", customer.value()).param("id", sheet).query(Integer.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (String group : sealed.groups()) {
            rows.add(new Object[] {customer.value(), sheet, next++, group});
        }
        template.batchUpdate("INSERT INTO password_sheet_entry (customer_id, sheet_id, seq, sealed) VALUES (?, ?, ?, ?)",
                rows);
        jdbc.sql("UPDATE password_sheet SET entries = entries + :n WHERE customer_id = :c AND id = :id")
                .param("n", sealed.entries()).param("c", customer.value()).param("id", sheet).update();
    }

    /** The sheet of this owner, unless expired. */
    Optional<Status> status(CustomerId customer, UUID sheet, String owner, Instant now) {
        return jdbc.sql("""
                SELECT id, entries, downloaded, emailed, expires_at FROM password_sheet
                WHERE customer_id = :c AND id = :id AND created_by = :by AND expires_at > :now
                """)
                .param("c", customer.value()).param("id", sheet).param("by", owner)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Status(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** The sheet's sealed groups, in order. */
    List<String> groups(CustomerId customer, UUID sheet) {
        return jdbc.sql("SELECT sealed FROM password_sheet_entry WHERE customer_id = :c AND sheet_id = :id "
                        + "ORDER BY seq")
                .param("c", customer.value()).param("id", sheet).query(String.class).list();
    }

    /**
     * Sets a hand-out flag if it is not set yet; false when it was. The row stays locked until the transaction
     * ends, so of two hand-outs at once the second waits and then finds the flag set; a mail that then fails rolls
     * the flag back with the rest of the transaction.
     */
    boolean take(CustomerId customer, UUID sheet, HandOut flag) {
        String column = flag == HandOut.DOWNLOAD ? "downloaded" : "emailed";
        return jdbc.sql("UPDATE password_sheet SET " + column + " = TRUE WHERE customer_id = :c AND id = :id AND NOT "
                        + column)
                .param("c", customer.value()).param("id", sheet).update() == 1;
    }

    /** The two ways a sheet is handed out, each once. */
    enum HandOut { DOWNLOAD, MAIL }

    /** Deletes the sheet's lines once it was both downloaded and mailed. */
    void forgetIfDone(CustomerId customer, UUID sheet) {
        jdbc.sql("DELETE FROM password_sheet_entry WHERE customer_id = :c AND sheet_id = :id AND EXISTS ("
                        + "SELECT 1 FROM password_sheet s WHERE s.customer_id = :c AND s.id = :id AND s.downloaded "
                        + "AND s.emailed)")
                .param("c", customer.value()).param("id", sheet).update();
    }

    /** Deletes every sheet past its expiry (its lines go with it). */
    void deleteExpired(Instant now) {
        jdbc.sql("DELETE FROM password_sheet WHERE expires_at <= :now").param("now", Timestamp.from(now)).update();
    }
}
