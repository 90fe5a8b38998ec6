package io.seatwise.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded H2 2.3, in PostgreSQL mode. */
final class H2Dialect implements SqlDialect {
    @Override
    public String name() {
        return "h2";
    }

    // --- shared ---

    @Override
    public List<String> refreshStaleStatistics(JdbcClient jdbc, StaleStatistics stale) {
        return List.of();
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

    @Override
    public String rowsOfIds(String table, String alias, String idColumn) {
        return SELECTED + " JOIN " + table + " " + alias + " ON " + alias + ".customer_id = :c AND " + alias + "."
                + idColumn + " = sel.id WHERE TRUE";
    }

    @Override
    public UsersAndProducts usersAndActiveProducts() {
        // H2 compares arrays element by element, so the array is joined by index, users and their active
        // products in one pass.
        return new UsersAndProducts("SELECT u.id, u.deleted_at, u.usage_location, u.directory_role, a.sku_id "
                + "FROM " + SELECTED + " JOIN app_user u ON u.customer_id = :c AND u.id = sel.id "
                + "LEFT JOIN license_assignment a ON a.customer_id = u.customer_id AND a.user_id = u.id "
                + "AND a.state = 'ACTIVE'", null);
    }

    @Override
    public String rowsOfUsersByLookup(String table, String condition) {
        return " FROM " + SELECTED + " LEFT JOIN " + table + " a ON a.customer_id = :c AND a.user_id = sel.id AND "
                + condition + " WHERE a.user_id IS NOT NULL";
    }

    @Override
    public String deleteRowsOfUsers(String table, String condition) {
        return "MERGE INTO " + table + " a USING (SELECT sel.id FROM " + SELECTED + ") s ON a.customer_id = :c "
                + "AND a.user_id = s.id AND " + condition + " WHEN MATCHED THEN DELETE";
    }

    @Override
    public String changeRowsOfIds(String table, String conditions, String set) {
        return "MERGE INTO " + table + " a USING (SELECT DISTINCT CAST(sel.id AS UUID) AS id FROM " + SELECTED
                + ") s ON a.customer_id = :c AND a.user_id = s.id" + conditions + " WHEN MATCHED THEN "
                + (set == null ? "DELETE" : "UPDATE SET " + set);
    }

    @Override
    public int maxIdsPerArray() {
        return 50_000;
    }

    @Override
    public void readInIdOrder(JdbcClient jdbc, String select, Map<String, Object> params, int chunk,
            ChunkReader reader) {
        Map<String, Object> page = new HashMap<>(params);
        page.put("limit", chunk);
        UUID after = reader.read(select + " ORDER BY u.id LIMIT :limit", page);
        while (after != null) {
            page.put("after", after);
            after = reader.read(select + " AND u.id > :after ORDER BY u.id LIMIT :limit", page);
        }
    }

    @Override
    public boolean copyIn(DataSource dataSource, String copy, Supplier<byte[]> rows) {
        return false;
    }

    // --- access ---

    @Override
    public String insertEmptyRateLimitBucket() {
        return "INSERT INTO rate_limit_bucket (id, state) VALUES (?, null) ON CONFLICT DO NOTHING";
    }
}
