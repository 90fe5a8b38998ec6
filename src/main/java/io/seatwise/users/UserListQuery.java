package io.seatwise.users;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.SqlDialect;
import io.seatwise.users.selection.UserFilterSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users list's SQL (targets.md B3): a page of a filter in a sort order, and the exact number of users the filter
 * finds, without counting a million rows per page.
 *
 * <ul>
 * <li>The number of users and of deleted users is read from {@code user_count} (kept by {@link UserListChanges}).</li>
 * <li>The number of users who have a product is its subscription's {@code assigned} (seats are taken by active
 * assignments only); those who lack it are the rest.</li>
 * <li>Every other filter's count is cached in memory with the customer's change {@code version} it was counted at,
 * read in the same statement: a cached count is used only while that version is still the current one, so it is
 * exact; paging through a filter (First, Next, Last) counts once. After a write, a filter whose last count took
 * longer than {@code seatwise.users.list.slow-count} (25 ms: licensed, unlicensed or a broad search in a tenant of
 * a million) is not waited for: the page comes with the last count marked {@code totalCountEstimated} and the exact count is
 * made in the background for the next call.</li>
 * <li>Pages past the middle are read from the other end, so Last costs what First costs; Next and Previous may seek
 * from the last or first user of the page before ({@link PageAnchor}) instead of skipping rows.</li>
 * </ul>
 */
@Repository
class UserListQuery {

    private static final int CACHED_COUNTS = 10_000;
    private static final int CACHED_SEARCH_LENGTH = 256;
    private static final String COLUMNS = UserRepository.COLUMNS.replaceAll("(\\w+)", "u.$1");

    private static final Logger log = LoggerFactory.getLogger(UserListQuery.class);

    private final JdbcClient jdbc;
    private final SqlDialect dialect;
    private final H2UserSearch h2Search;
    private final Map<CountKey, Count> counts = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CountKey, Count> eldest) {
                    return size() > CACHED_COUNTS;
                }
            });

    private final Map<CountKey, Boolean> recounting = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService recounts = java.util.concurrent.Executors
            .newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "users-list-recount");
                thread.setDaemon(true);
                return thread;
            });
    /** A count that took at least this long is not waited for after a write (see count). */
    private volatile Duration slowCount;

    UserListQuery(JdbcClient jdbc, SqlDialect dialect, H2UserSearch h2Search,
            @Value("${seatwise.users.list.slow-count:25ms}") Duration slowCount) {
        this.slowCount = slowCount;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.h2Search = h2Search;
    }

    private record CountKey(UUID customer, UserFilter.Type type, UUID sku, String search) {
    }

    /** A filter's count, the customer's version it was counted at, and how long counting took. */
    private record Count(long version, long count, long nanos) {
    }

    /** Where the users come from (the table, or on H2 a search's ids joined to it) and the filter's WHERE. */
    private record Source(UserFilter filter, String from, String where, Map<String, Object> params, boolean ids) {
    }

    PageResult<User> list(CustomerId customer, UserFilter filter, UserSort sort, PageRequest page, PageAnchor anchor) {
        // These queries are planned for their parameters every time (LIKE :search as an index range, the LIMIT).
        dialect.planForParameters(jdbc);
        Source source = source(customer, filter);
        Total total = count(customer, filter, source);
        List<User> items = anchor.isNone() ? byOffset(source, sort, page, total.count())
                : seek(customer, source, sort, page, anchor)
                        .orElseGet(() -> byOffset(source, sort, page, total.count()));
        return new PageResult<>(items, total.count(), page.page(), page.size(), total.estimated());
    }

    // ---- count ---------------------------------------------------------------------------------------------------

    /** A filter's number of users; {@code estimated} while a slow count is being redone in the background. */
    private record Total(long count, boolean estimated) {
    }

    private Total count(CustomerId customer, UserFilter filter, Source source) {
        UUID c = customer.value();
        // A transaction that changed the customer's users has not bumped the version yet: it counts for itself.
        boolean ownChanges = UserListChanges.pendingIn(c);
        boolean kept = !ownChanges && filter.search() == null;
        if (kept && (filter.type() == UserFilter.Type.ALL || filter.type() == UserFilter.Type.DELETED)) {
            Optional<Long> n = jdbc.sql("SELECT " + (filter.type() == UserFilter.Type.ALL ? "users" : "deleted")
                    + " FROM user_count WHERE customer_id = :c").param("c", c).query(Long.class).optional();
            if (n.isPresent()) {
                return new Total(n.get(), false);
            }
        }
        if (kept && (filter.type() == UserFilter.Type.HAS_PRODUCT || filter.type() == UserFilter.Type.LACKS_PRODUCT)) {
            // The users holding a product are its seats taken: an active assignment takes one, a deleted user's
            // are suspended and hold none (licensing keeps assigned = active assignments, under the pool's lock).
            // Read with the number of users in one statement, so one snapshot.
            Optional<long[]> n = jdbc.sql("SELECT uc.users, COALESCE((SELECT s.assigned FROM subscription s "
                            + "WHERE s.customer_id = uc.customer_id AND s.sku_id = :sku), 0) "
                            + "FROM user_count uc WHERE uc.customer_id = :c")
                    .param("c", c).param("sku", filter.skuId().value())
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
            if (n.isPresent()) {
                long has = n.get()[1];
                return new Total(filter.type() == UserFilter.Type.HAS_PRODUCT ? has : n.get()[0] - has, false);
            }
        }
        Optional<Long> version = ownChanges ? Optional.empty()
                : jdbc.sql("SELECT version FROM user_count WHERE customer_id = :c").param("c", c)
                        .query(Long.class).optional();
        CountKey key = new CountKey(c, filter.type(), filter.skuId() == null ? null : filter.skuId().value(),
                filter.search());
        Count cached = counts.get(key);
        if (cached != null && version.isPresent()) {
            if (cached.version() == version.get()) {
                return new Total(cached.count(), false);
            }
            if (cached.nanos() >= slowCount.toNanos() && !source.ids()) {
                // Counting this filter took long: the page does not wait for it again. The last count is shown as
                // an estimate while the exact one is counted in the background for the next call.
                recountLater(key, source);
                return new Total(cached.count(), true);
            }
        }
        return new Total(countNow(key, source, !ownChanges).count(), false);
    }

    /** Counts a filter; the count is exact for the version read beside it, and cached when {@code keep}. */
    private Count countNow(CountKey key, Source source, boolean keep) {
        long started = System.nanoTime();
        // One statement, so one snapshot: the count is exact for the version read beside it.
        Count counted = jdbc.sql("SELECT (SELECT version FROM user_count WHERE customer_id = :customer), count(*) "
                        + "FROM " + source.from() + " WHERE " + source.where())
                .params(source.params())
                .query((rs, n) -> new Count(rs.getObject(1) == null ? -1 : rs.getLong(1), rs.getLong(2), 0))
                .single();
        counted = new Count(counted.version(), counted.count(), System.nanoTime() - started);
        if (keep && counted.version() >= 0
                && (key.search() == null || key.search().length() <= CACHED_SEARCH_LENGTH)) {
            Count now = counted;
            counts.merge(key, now, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        }
        return counted;
    }

    /** One background count per filter at a time; a failure leaves the estimate to the next call to retry. */
    private void recountLater(CountKey key, Source source) {
        if (recounting.putIfAbsent(key, Boolean.TRUE) != null) {
            return;
        }
        try {
            recounts.execute(() -> {
                try {
                    countNow(key, source, true);
                } catch (RuntimeException e) {
                    log.warn("Recounting the users list of customer {} failed", key.customer(), e);
                } finally {
                    recounting.remove(key);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            recounting.remove(key);
        }
    }

    /** For tests: answers the previous setting. */
    Duration slowCount(Duration slowCount) {
        Duration before = this.slowCount;
        this.slowCount = slowCount;
        return before;
    }

    @PreDestroy
    void stopRecounting() {
        recounts.shutdownNow();
    }

    // ---- pages ---------------------------------------------------------------------------------------------------

    private List<User> byOffset(Source source, UserSort sort, PageRequest page, long total) {
        if (page.offset() >= total) {
            return List.of();
        }
        // Pages past the middle are read from the other end, so Last costs what First costs.
        boolean fromEnd = page.offset() > total / 2;
        long offset = fromEnd ? Math.max(0, total - page.offset() - page.size()) : page.offset();
        long limit = fromEnd ? Math.min(page.size(), total - page.offset()) : page.size();
        return read(source, "", Map.of(), fromEnd ? sort.reversed() : sort, limit, offset, fromEnd);
    }

    /** The page after (or before) the anchor user; empty when that user is not the customer's. */
    private Optional<List<User>> seek(CustomerId customer, Source source, UserSort sort, PageRequest page,
            PageAnchor anchor) {
        UUID id = (anchor.after() != null ? anchor.after() : anchor.before()).value();
        boolean deleted = source.filter().type() == UserFilter.Type.DELETED;
        return jdbc.sql("SELECT " + sort.keyColumn(deleted) + " FROM app_user u WHERE u.customer_id = :c "
                        + "AND u.id = :id")
                .param("c", customer.value()).param("id", id).query(String.class).optional()
                .map(key -> {
                    boolean backwards = anchor.before() != null;
                    UserSort order = backwards ? sort.reversed() : sort;
                    return read(source, " AND " + order.beyond("anchorKey", "anchorId", deleted),
                            Map.of("anchorKey", key, "anchorId", id), order, page.size(), 0, backwards);
                });
    }

    private List<User> read(Source source, String seek, Map<String, Object> seekParams, UserSort order, long limit,
            long offset, boolean reverse) {
        // Wrapped (below), the page still needs the sort key (display_sort is no column of User).
        String users = "SELECT " + COLUMNS + (source.ids() ? ", u.display_sort" : "") + " FROM "
                + pageFrom(source, order) + " WHERE " + source.where() + seek;
        // H2 would start a join from app_user to read it in order; sorting the few users of the ids is the cheap way.
        String sql = (source.ids() ? "SELECT * FROM (" + users + ") u" : users)
                + " ORDER BY " + order.orderBy(source.filter().type() == UserFilter.Type.DELETED)
                + " LIMIT :limit OFFSET :offset";
        List<User> items = new ArrayList<>(jdbc.sql(sql).params(source.params()).params(seekParams)
                .param("limit", limit).param("offset", offset).query(UserRepository::user).list());
        if (reverse) {
            Collections.reverse(items);
        }
        return items;
    }

    // ---- where the users come from -------------------------------------------------------------------------------

    private Source source(CustomerId customer, UserFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = UserFilterSql.where(customer, filter, params);
        if (!dialect.combinesIndexRanges() && filter.search() != null) {
            // H2 reads a search's OR of four columns by scanning the customer's users: its ids are looked up first
            Optional<List<UUID>> ids = h2Search.ids(customer, filter.search(),
                    filter.type() == UserFilter.Type.DELETED);
            if (ids.isPresent()) {
                params.put("ids", dialect.uuidArray(ids.get()));
                return new Source(filter, SqlDialect.SELECTED + " JOIN app_user u ON u.customer_id = :customer "
                        + "AND u.id = sel.id", where, params, true);
            }
        }
        return new Source(filter, "app_user u", where, params, false);
    }

    /**
     * Where a page is read from: through the index (V4, V8) that reads in the page's order
     * ({@link SqlDialect#usersThrough}: H2 would otherwise sort all the customer's users).
     */
    private String pageFrom(Source source, UserSort order) {
        if (source.ids()
                || source.filter().type() == UserFilter.Type.DELETED && order.field() == UserSort.Field.USER_NAME) {
            return source.from();
        }
        String index = source.filter().type() == UserFilter.Type.ADMINS ? "app_user_admins_idx"
                : order.field() == UserSort.Field.DISPLAY_NAME
                        ? (order.descending() ? "app_user_display_desc_idx" : "app_user_display_idx")
                        : (order.descending() ? "app_user_upn_desc_idx" : "app_user_upn_idx");
        return dialect.usersThrough(index);
    }
}
