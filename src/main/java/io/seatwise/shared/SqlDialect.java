package io.seatwise.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

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
     * A statement the users list runs first in its transaction, or empty. PostgreSQL may settle on a generic plan
     * after five runs of a statement, which cannot turn {@code LIKE :search} into an index range nor know the LIMIT:
     * the list's queries are planned for their parameters every time.
     */
    java.util.Optional<String> usersListSetting();

    /**
     * Whether a users search is first looked up in the four name indexes and then read by ids. H2 reads an OR of
     * conditions on four columns by scanning the customer's users; PostgreSQL combines the index ranges itself.
     */
    boolean usersSearchByIds();

    /**
     * A table (with its alias) read through the named index. H2 takes the first index on customer_id it finds
     * whatever the ORDER BY, so it is told the one that reads in the page's order; PostgreSQL picks it itself.
     */
    String usersIndexed(String table, String index);

    // --- licensing ---

    // --- access ---

    /**
     * Adds an empty row to the rate limits' Bucket4j table {@code rate_limit_bucket (id, state)} unless it has one
     * with that id (the one parameter): the one statement of Bucket4j's SELECT … FOR UPDATE protocol that differs.
     * PostgreSQL takes Bucket4j's own {@code ON CONFLICT(id) DO NOTHING}; H2 2.3 takes only
     * {@code ON CONFLICT DO NOTHING}, without the target.
     */
    String insertEmptyRateLimitBucket();

    /** PostgreSQL 16 and later. */
    final class Postgres implements SqlDialect {
        @Override
        public String name() {
            return "postgres";
        }

        // --- users ---

        @Override
        public java.util.Optional<String> usersListSetting() {
            return java.util.Optional.of("SET LOCAL plan_cache_mode = force_custom_plan");
        }

        @Override
        public boolean usersSearchByIds() {
            return false;
        }

        @Override
        public String usersIndexed(String table, String index) {
            return table;
        }

        // --- licensing ---

        // --- access ---

        @Override
        public String insertEmptyRateLimitBucket() {
            return "INSERT INTO rate_limit_bucket (id, state) VALUES (?, null) ON CONFLICT (id) DO NOTHING";
        }
    }

    /** The embedded H2 2.3, in PostgreSQL mode. */
    final class H2 implements SqlDialect {
        @Override
        public String name() {
            return "h2";
        }

        // --- users ---

        @Override
        public java.util.Optional<String> usersListSetting() {
            return java.util.Optional.empty();
        }

        @Override
        public boolean usersSearchByIds() {
            return true;
        }

        @Override
        public String usersIndexed(String table, String index) {
            return table + " USE INDEX (" + index + ")";
        }

        // --- licensing ---

        // --- access ---

        @Override
        public String insertEmptyRateLimitBucket() {
            return "INSERT INTO rate_limit_bucket (id, state) VALUES (?, null) ON CONFLICT DO NOTHING";
        }
    }
}
