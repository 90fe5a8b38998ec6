package io.seatwise.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading values the same way from H2 and PostgreSQL result sets. */
public final class Sql {

    private Sql() {
    }

    /** Whether the database is PostgreSQL (else H2): the few statements that differ pick their variant by it. */
    public static boolean isPostgres(javax.sql.DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            // Guessing would silently pick the H2 variants on PostgreSQL; the database is needed to start anyway.
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }

    /** A list of UUIDs as one SQL array parameter ({@code = ANY(:ids)} on PostgreSQL, {@code UNNEST(:ids)} on both). */
    public static org.springframework.jdbc.support.SqlArrayValue uuidArray(java.util.Collection<java.util.UUID> ids) {
        return new org.springframework.jdbc.support.SqlArrayValue("uuid", ids.stream().sorted().toArray());
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
