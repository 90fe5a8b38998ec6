package io.seatwise.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** PostgreSQL 16 and later. */
final class PostgresDialect implements SqlDialect {
    @Override
    public String name() {
        return "postgres";
    }

    // --- shared ---

    @Override
    public List<String> refreshStaleStatistics(JdbcClient jdbc, StaleStatistics stale) {
        List<String> tables = jdbc.sql("""
                SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables
                WHERE schemaname = current_schema()
                  AND n_mod_since_analyze >= LEAST(:most, :least + :share * GREATEST(n_live_tup, 0))
                ORDER BY n_mod_since_analyze DESC""")
                .param("least", stale.leastChanges()).param("most", stale.mostChanges())
                .param("share", stale.shareOfRows())
                .query(String.class).list();
        // Names from the catalog, quoted by format('%I'): nothing from outside reaches the statement.
        tables.forEach(table -> jdbc.sql("ANALYZE " + table).update());
        return tables;
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

    private final AtomicLong cursors = new AtomicLong();

    @Override
    public String rowsOfIds(String table, String alias, String idColumn) {
        return table + " " + alias + " WHERE " + alias + ".customer_id = :c AND " + alias + "." + idColumn
                + " = ANY(:ids)";
    }

    @Override
    public UsersAndProducts usersAndActiveProducts() {
        // PostgreSQL walks its primary keys with "= ANY", once for the users and once for their assignments
        // (a join would look each user's assignments up on its own).
        return new UsersAndProducts("SELECT u.id, u.deleted_at, u.usage_location, u.directory_role FROM "
                + rowsOfIds("app_user", "u", "id"), "SELECT a.user_id, a.sku_id FROM "
                + rowsOfIds("license_assignment", "a", "user_id") + " AND a.state = 'ACTIVE'");
    }

    @Override
    public String rowsOfUsersByLookup(String table, String condition) {
        return " FROM " + SELECTED + " CROSS JOIN LATERAL (SELECT a.ctid, a.* FROM " + table
                + " a WHERE a.customer_id = :c AND a.user_id = sel.id AND " + condition + " OFFSET 0) a";
    }

    @Override
    public String deleteRowsOfUsers(String table, String condition) {
        return "DELETE FROM " + table + " d WHERE d.ctid = ANY(ARRAY(SELECT a.ctid"
                + rowsOfUsersByLookup(table, condition) + "))";
    }

    @Override
    public String changeRowsOfIds(String table, String conditions, String set) {
        return (set == null ? "DELETE FROM " + table + " a" : "UPDATE " + table + " a SET " + set)
                + " WHERE a.customer_id = :c AND a.user_id = ANY(:ids)" + conditions;
    }

    @Override
    public int maxIdsPerArray() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void readInIdOrder(JdbcClient jdbc, String select, Map<String, Object> params, int chunk,
            ChunkReader reader) {
        String cursor = "matching_users_" + cursors.incrementAndGet();
        jdbc.sql("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + select + " ORDER BY u.id").params(params)
                .update();
        while (reader.read("FETCH FORWARD " + chunk + " FROM " + cursor, Map.of()) != null) {
            // until a chunk comes back short
        }
        jdbc.sql("CLOSE " + cursor).update();
    }

    @Override
    public boolean copyIn(DataSource dataSource, String copy, Supplier<byte[]> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy,
                    new ByteArrayInputStream(rows.get()));
            return true;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY failed: " + copy, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    // --- access ---

    @Override
    public String insertEmptyRateLimitBucket() {
        return "INSERT INTO rate_limit_bucket (id, state) VALUES (?, null) ON CONFLICT (id) DO NOTHING";
    }

    @Override
    public String commitWithoutWaitingForTheDisk() {
        return "SET LOCAL synchronous_commit TO OFF";
    }
}
