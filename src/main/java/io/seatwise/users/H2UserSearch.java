package io.seatwise.users;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Like;
import io.seatwise.shared.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users list's search on H2, first step. H2 reads an OR of conditions on four columns by scanning the customer's
 * users, and re-runs an IN (subquery) for every row; so a search is first looked up in the four key indexes, and
 * {@link UserListQuery} then applies the filter to those users by id. PostgreSQL combines the four index ranges
 * itself ({@link SqlDialect#combinesIndexRanges}) and does not use this.
 */
@Repository
class H2UserSearch {

    /** Searches on H2 that find at most this many users are read by their ids. */
    static final int MAX_IDS = 5_000;

    private final JdbcClient jdbc;

    H2UserSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of the customer's users the search finds (of the deleted ones when {@code deleted}); empty when it
     * finds more than {@value #MAX_IDS} users: then the scan it is.
     */
    Optional<List<UUID>> ids(CustomerId customer, String search, boolean deleted) {
        StringBuilder sql = new StringBuilder();
        for (String key : List.of("display_key", "first_key", "last_key", "user_name_key")) {
            sql.append(sql.isEmpty() ? "" : " UNION ").append("(SELECT s.id FROM app_user s WHERE s.customer_id = :c "
                    + "AND s.").append(key).append(" LIKE :search ESCAPE '\\' LIMIT :limit)");
        }
        if (deleted) {
            // Deleted users have no user_name_key: their user names are read among the deleted (a small index range).
            sql.append(" UNION (SELECT s.id FROM app_user s WHERE s.deleted_at IS NOT NULL AND s.customer_id = :c "
                    + "AND LOWER(s.user_principal_name) LIKE :search ESCAPE '\\' LIMIT :limit)");
        }
        List<UUID> ids = jdbc.sql(sql.toString()).param("c", customer.value())
                .param("search", Like.startingWith(search)).param("limit", MAX_IDS + 1)
                .query(UUID.class).list();
        return ids.size() > MAX_IDS ? Optional.empty() : Optional.of(ids);
    }
}
