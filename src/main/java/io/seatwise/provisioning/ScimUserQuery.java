package io.seatwise.provisioning;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.User;
import io.seatwise.users.selection.UserRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /Users} of one customer (RFC 7644 §3.4.2): the users a SCIM {@code filter} finds ({@link ScimFilterSql};
 * deleted users never), {@code startIndex} (1-based) and {@code count} paging, {@code sortBy}/{@code sortOrder}.
 * One statement counts (unfiltered, it reads the number the users list keeps, {@link UserRows#LIVE_COUNT}), one
 * reads the page (none when {@code count} is 0 or the page is past the end).
 *
 * <p>Paging as RFC 7644 §3.4.2.4 says: a {@code startIndex} below 1 is 1, a negative {@code count} is 0, and
 * {@code count} is capped at {@value #MAX_COUNT}. Sort keys: {@code userName} (the default; the user name index,
 * so an unfiltered page reads in index order), {@code displayName} (people's order, V10/V12), {@code name.givenName},
 * {@code name.familyName} (lower-cased), {@code meta.created}; ties broken by id; users without the value come
 * last ascending, first descending.
 */
@Service
public class ScimUserQuery {

    /** The most users one page holds, whatever {@code count} asks. */
    public static final int MAX_COUNT = 1000;

    private static final String CORE_USER_PREFIX = "urn:ietf:params:scim:schemas:core:2.0:user:";

    /** A sort key: its column (alias u), the index that reads in its order (or null), whether it may be NULL. */
    private record SortKey(String column, String index, boolean nullable) {
    }

    private static final SortKey USER_NAME = new SortKey("u.user_name_key", "app_user_upn_idx", false);

    /** Sort keys by lower-cased attribute path. */
    private static final Map<String, SortKey> SORT_KEYS = Map.of("username", USER_NAME, "emails", USER_NAME,
            "emails.value", USER_NAME, "displayname", new SortKey("u.display_sort", "app_user_display_idx", false),
            "name.givenname", new SortKey("u.first_key", null, true),
            "name.familyname", new SortKey("u.last_key", null, true),
            "meta.created", new SortKey("u.created_at", null, false));

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final CustomersService customers;

    ScimUserQuery(JdbcClient jdbc, SqlDialect dialect, CustomersService customers) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.customers = customers;
    }

    /** A page of users: {@code totalResults} found by the filter, the page from {@code startIndex} (1-based). */
    public record Page(List<User> users, long totalResults, int startIndex) {

        /** The number of users on this page (SCIM's {@code itemsPerPage}). */
        public int itemsPerPage() {
            return users.size();
        }
    }

    /**
     * The customer's users the filter finds (every user for a null or blank filter), paged and sorted. Throws
     * {@link ScimFilterException} ({@code invalidFilter}, {@code invalidValue}) for a filter, {@code sortBy} or
     * {@code sortOrder} it cannot answer.
     */
    @Transactional(readOnly = true)
    public Page find(CustomerId customer, String filter, int startIndex, int count, String sortBy,
            String sortOrder) {
        // A bare userName compared (userName eq "jane") is also jane@ the customer's default domain.
        ScimFilterSql.Where where = ScimFilterSql.where(filter, () -> customers.require(customer).defaultDomain());
        SortKey key = sortKey(sortBy);
        boolean descending = descending(sortOrder);
        int start = Math.max(1, startIndex);
        int limit = Math.min(Math.max(0, count), MAX_COUNT);

        Map<String, Object> params = new HashMap<>(where.params());
        params.put("customer", customer.value());
        String condition = condition(where);
        // LIKE :param is an index range only in a plan made for the parameter.
        dialect.planForParameters(jdbc);
        boolean unfiltered = filter == null || filter.isBlank();
        // Unfiltered, the number of users is the one the users list keeps; counted only for a customer without it.
        long total = (unfiltered ? jdbc.sql(UserRows.LIVE_COUNT).param("customer", customer.value())
                .query(Long.class).optional() : java.util.Optional.<Long>empty())
                .orElseGet(() -> jdbc.sql("SELECT count(*) FROM app_user u WHERE " + condition).params(params)
                        .query(Long.class).single());
        if (limit == 0 || start - 1L >= total) {
            return new Page(List.of(), total, start);
        }
        // Unfiltered, the page is read through the index of its order (H2 would otherwise sort them all).
        String from = unfiltered && key.index() != null ? dialect.usersThrough(key.index()) : "app_user u";
        String idDirection = descending ? " DESC" : "";
        String direction = idDirection + (!key.nullable() ? "" : descending ? " NULLS FIRST" : " NULLS LAST");
        List<User> users = jdbc.sql("SELECT " + UserRows.COLUMNS + " FROM " + from + " WHERE " + condition
                        + " ORDER BY u.customer_id, " + key.column() + direction + ", u.id" + idDirection
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", limit).param("offset", start - 1L)
                .query(UserRows::user).list();
        return new Page(users, total, start);
    }

    /** The WHERE of the customer's ({@code :customer}) users not deleted that the filter finds (alias u). */
    static String condition(ScimFilterSql.Where where) {
        return "u.customer_id = :customer AND u.deleted_at IS NULL AND " + where.sql();
    }

    private static SortKey sortKey(String sortBy) {
        if (sortBy == null || sortBy.isBlank()) {
            return USER_NAME;
        }
        String name = sortBy.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith(CORE_USER_PREFIX)) {
            name = name.substring(CORE_USER_PREFIX.length());
        }
        SortKey key = SORT_KEYS.get(name);
        if (key == null) {
            throw new ScimFilterException(ScimFilterException.INVALID_VALUE, "sortBy", "Seatwise sorts users by "
                    + "userName, displayName, name.givenName, name.familyName or meta.created, not '" + sortBy + "'");
        }
        return key;
    }

    private static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.isBlank() || sortOrder.strip().equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.strip().equalsIgnoreCase("descending")) {
            return true;
        }
        throw new ScimFilterException(ScimFilterException.INVALID_VALUE, "sortOrder",
                "sortOrder is ascending or descending, not '" + sortOrder + "'");
    }
}
