package io.seatwise.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading values the same way from H2 and PostgreSQL result sets (where the two databases differ: {@link SqlDialect}). */
public final class Sql {

    private Sql() {
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
