package io.seatwise.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Where H2 and PostgreSQL differ: one bean, chosen once at start ({@link #of(DataSource)}), is the only place that
 * knows which database this is. A statement that must differ asks this bean for its variant (a fragment, a whole
 * statement, or a way of writing rows); no other class tests the database product.
 *
 * <p>Each module adds what it needs in its own section below, as an abstract method with its two variants in
 * {@link PostgresDialect} and {@link H2Dialect}.
 */
public sealed interface SqlDialect permits PostgresDialect, H2Dialect {

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
            return postgres ? new PostgresDialect() : new H2Dialect();
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

    /**
     * Refreshes the planner statistics of this schema's tables that changed by {@code stale}'s share of their rows
     * since they were last analyzed, and answers their names. PostgreSQL plans from these statistics: a table that
     * was never analyzed (or was small when it last was) is taken for a few pages, every index starting with
     * {@code customer_id} then looks equally cheap, and a lookup by primary key may walk another index through all
     * the customer's rows, in a plan that stays cached on the connection until the statistics change. The server's
     * autovacuum refreshes them too, unless it is off, and only after a tenth of a table changed (a new customer of
     * 10,000 users in a table of 1,000,000 is not enough). H2's plans here do not depend on them: nothing.
     */
    List<String> refreshStaleStatistics(JdbcClient jdbc, StaleStatistics stale);

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

    /**
     * FROM … WHERE of {@code table} (alias {@code alias}, customer column {@code customer_id}) for the rows whose
     * {@code idColumn} is in {@code :ids}, of customer {@code :c}; extend it with {@code AND …}. PostgreSQL probes
     * the ids as a hash ({@code = ANY}); H2, which compares an array element by element, joins the array read as a
     * table by index.
     */
    String rowsOfIds(String table, String alias, String idColumn);

    /**
     * How the users in {@code :ids} of customer {@code :c} are read with their active products. {@code users}
     * answers {@code id, deleted_at, usage_location, directory_role} and, when {@code assignments} is null,
     * {@code sku_id} (null for a user without one) from a join in the same pass; else {@code assignments} answers
     * {@code user_id, sku_id} of their active assignments.
     */
    UsersAndProducts usersAndActiveProducts();

    /** The statements of {@link #usersAndActiveProducts()}. */
    record UsersAndProducts(String users, String assignments) {
    }

    /**
     * FROM (and WHERE) of a table's rows, alias a, of the users in {@code :ids} (customer {@code :c}) that meet a
     * condition, driven by the array: one primary-key lookup per id, whatever the statistics say. On PostgreSQL a
     * plain join (or {@code = ANY}) leaves the plan to estimates, and a cached generic plan knows neither the
     * array's length nor, without fresh statistics, how many rows the product has: it may read all of the
     * product's rows and compare each with every id. The lateral subquery (OFFSET 0 keeps it from being flattened)
     * can only be a lookup per id. H2 may put the table first too (through the sku index) and rescan the array for
     * every row; it keeps the order of an outer join, so there the array is left-joined.
     */
    String rowsOfUsersByLookup(String table, String condition);

    /**
     * Deletes a table's rows (alias a) of the users in {@code :ids} (customer {@code :c}) that meet the condition.
     * PostgreSQL: the rows found by {@link #rowsOfUsersByLookup}, deleted by their row ids. H2 has no
     * {@code DELETE … USING} and would run {@code IN (SELECT … FROM UNNEST(…))} as a scan of the table, so there a
     * MERGE is driven by the array.
     */
    String deleteRowsOfUsers(String table, String condition);

    /**
     * Updates ({@code set}, e.g. {@code state = :to}) or, when {@code set} is null, deletes a table's rows (alias a)
     * of the users in {@code :ids} (customer {@code :c}) that meet {@code conditions} (" AND …", may be empty), in
     * one statement. PostgreSQL walks the primary key with {@code = ANY}; H2 has no UPDATE with a join, so there it
     * is a MERGE driven by the array.
     */
    String changeRowsOfIds(String table, String conditions, String set);

    /** At most this many ids in one array parameter of a query: H2 caps an array at 65,536 elements. */
    int maxIdsPerArray();

    /**
     * Reads {@code select} (a SELECT … FROM app_user u WHERE …, without ORDER BY) in {@code u.id} order, a chunk at
     * a time: each chunk's statement and parameters go to {@code reader}, which answers the chunk's last id, or
     * null when it was the last chunk (one shorter than {@code chunk}).
     * <p>
     * PostgreSQL reads through one cursor. A cursor is planned to deliver its first rows fast, which is a walk of
     * the primary key in order; keyset pages ("id > :after ORDER BY id LIMIT n") were planned, without fresh
     * statistics on a newly filled tenant, as a read and sort of every remaining user for each page: quadratic,
     * 11 s of 31 for 1,000,000 users. H2 walks the index for keyset pages by itself.
     */
    void readInIdOrder(JdbcClient jdbc, String select, Map<String, Object> params, int chunk, ChunkReader reader);

    /** Reads one chunk of {@link #readInIdOrder}. */
    @FunctionalInterface
    interface ChunkReader {
        /** Runs the chunk's statement; answers its last id, or null when no chunk follows. */
        UUID read(String sql, Map<String, Object> params);
    }

    /**
     * Sends rows in PostgreSQL's binary COPY format ({@code copy}: the {@code COPY … FROM STDIN (FORMAT binary)}
     * statement) through the transaction's connection, and answers true; answers false, sending nothing, where the
     * database has no COPY (H2): the caller then inserts the rows another way. {@code rows} is only called when
     * the rows are sent.
     */
    boolean copyIn(DataSource dataSource, String copy, Supplier<byte[]> rows);

    // --- access ---

    /**
     * Adds an empty row to the rate limits' Bucket4j table {@code rate_limit_bucket (id, state)} unless it has one
     * with that id (the one parameter): the one statement of Bucket4j's SELECT … FOR UPDATE protocol that differs.
     * PostgreSQL takes Bucket4j's own {@code ON CONFLICT(id) DO NOTHING}; H2 2.3 takes only
     * {@code ON CONFLICT DO NOTHING}, without the target.
     */
    String insertEmptyRateLimitBucket();

    /**
     * A statement that makes the current transaction's commit return without waiting for its WAL to reach the disk
     * (PostgreSQL's {@code SET LOCAL synchronous_commit TO OFF}), or null when the database has no such thing. Only
     * for writes whose loss in a crash costs nothing, such as a rate limit's bucket: its row lock then ends without
     * the disk flush, and one token's requests do not queue behind each other's flushes.
     */
    default String commitWithoutWaitingForTheDisk() {
        return null;
    }

}
