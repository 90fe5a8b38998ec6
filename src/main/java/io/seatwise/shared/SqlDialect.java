package io.seatwise.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Where H2 and PostgreSQL differ: one bean, chosen once at start ({@link #of(DataSource)}), is the only place that
 * knows which database this is. A statement that must differ asks this bean for its variant (a fragment, a whole
 * statement, or a way of writing rows); no other class tests the database product.
 *
 * <p>Each module adds what it needs in its own section below, as an abstract method with both variants.
 */
public sealed interface SqlDialect permits SqlDialect.Postgres, SqlDialect.H2 {

    /** The order in which UUID arrays are sent: unsigned, as both databases sort their {@code uuid} columns. */
    Comparator<UUID> UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    /** The ids of parameter {@code :ids} as a table {@code sel(id)}, on H2 and PostgreSQL alike. */
    String SELECTED = "UNNEST(:ids) AS sel(id)";

    /** The dialect of the database behind the data source. */
    static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                    .contains("postgres");
            return postgres ? new Postgres() : new H2();
        } catch (SQLException e) {
            // Guessing would silently pick the H2 variants on PostgreSQL; the database is needed to start anyway.
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /** A short name for logs and benchmark output: {@code postgres} or {@code h2}. */
    String name();

    /** UUIDs as one SQL array parameter (for {@link #SELECTED} or {@code = ANY(:ids)}), in {@link #UUID_ORDER}. */
    default SqlArrayValue uuidArray(Collection<UUID> ids) {
        return new SqlArrayValue("uuid", ids.stream().sorted(UUID_ORDER).toArray());
    }

    // --- shared ---

    // --- users ---

    /**
     * Writes many rows into a table in one go: {@code COPY … FROM STDIN} in CSV on PostgreSQL (several times faster
     * than batched inserts), one JDBC batch of INSERTs on H2. Values are null, strings, UUIDs, booleans, numbers or
     * instants; a unique key the rows break comes out as Spring's {@code DuplicateKeyException} on both.
     */
    void insertRows(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows);

    /**
     * FROM and WHERE of the users of customer {@code :c} among ids {@code :ids} ({@link #uuidArray}), as {@code u}:
     * PostgreSQL walks the key with {@code = ANY}; H2 joins the array read as a table, since it checks an IN list
     * row by row.
     */
    String usersAmongIds();

    /**
     * One statement restoring the deleted users of customer {@code :c} among ids {@code :ids} at {@code :at}, with
     * their user names: an UPDATE on PostgreSQL, a MERGE on H2 (which has no UPDATE with a join).
     */
    String restoreUsers();

    /**
     * Makes the current transaction plan each statement for its parameters: after five runs PostgreSQL may settle on
     * a generic plan, which cannot turn {@code LIKE :search} into an index range nor know the LIMIT. Nothing on H2.
     */
    void planForParameters(JdbcClient jdbc);

    /**
     * Whether an OR of conditions on several indexed columns is read through those indexes (PostgreSQL's BitmapOr);
     * H2 scans the customer's rows instead, so a search there is first looked up index by index.
     */
    boolean combinesIndexRanges();

    /**
     * The users table as {@code u}, read through {@code index}: H2 takes the first index on customer_id it finds
     * (the foreign key's) whatever the ORDER BY, so it is told; PostgreSQL picks it itself.
     */
    String usersThrough(String index);

    // --- licensing ---

    // --- access ---

    /** PostgreSQL 16 and later. */
    final class Postgres implements SqlDialect {
        @Override
        public String name() {
            return "postgres";
        }

        // --- users ---

        @Override
        public void insertRows(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            StringBuilder csv = new StringBuilder(rows.size() * 200);
            try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
                for (Object[] row : rows) {
                    printer.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String copy = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
            jdbc.execute((ConnectionCallback<Long>) connection -> {
                try {
                    return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy,
                            new StringReader(csv.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public String usersAmongIds() {
            return "app_user u WHERE u.customer_id = :c AND u.id = ANY(:ids)";
        }

        @Override
        public String restoreUsers() {
            return """
                    UPDATE app_user SET deleted_at = NULL, updated_at = :at, user_name_key = lower(user_principal_name)
                    WHERE customer_id = :c AND id = ANY(:ids) AND deleted_at IS NOT NULL
                    """;
        }

        @Override
        public void planForParameters(JdbcClient jdbc) {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }

        @Override
        public boolean combinesIndexRanges() {
            return true;
        }

        @Override
        public String usersThrough(String index) {
            return "app_user u";
        }

        // --- licensing ---

        // --- access ---
    }

    /** The embedded H2 2.3, in PostgreSQL mode. */
    final class H2 implements SqlDialect {
        @Override
        public String name() {
            return "h2";
        }

        // --- users ---

        @Override
        public void insertRows(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
            if (rows.isEmpty()) {
                return;
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            jdbc.batchUpdate(insert, rows, rows.size(), (ps, row) -> {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i] instanceof Instant at ? Timestamp.from(at) : row[i]);
                }
            });
        }

        @Override
        public String usersAmongIds() {
            return SELECTED + " JOIN app_user u ON u.customer_id = :c AND u.id = CAST(sel.id AS UUID)";
        }

        @Override
        public String restoreUsers() {
            return "MERGE INTO app_user u USING (SELECT DISTINCT CAST(sel.id AS UUID) AS id FROM " + SELECTED + """
                    ) s
                    ON u.customer_id = :c AND u.id = s.id AND u.deleted_at IS NOT NULL
                    WHEN MATCHED THEN UPDATE SET deleted_at = NULL, updated_at = :at,
                      user_name_key = lower(user_principal_name)
                    """;
        }

        @Override
        public void planForParameters(JdbcClient jdbc) {
        }

        @Override
        public boolean combinesIndexRanges() {
            return false;
        }

        @Override
        public String usersThrough(String index) {
            return "app_user u USE INDEX (" + index + ")";
        }

        // --- licensing ---

        // --- access ---
    }
}
