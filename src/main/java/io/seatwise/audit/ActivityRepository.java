package io.seatwise.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.seatwise.shared.Ids;
import io.seatwise.shared.Like;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the activity log. */
@Repository
class ActivityRepository {

    private static final int MAX_DETAILS = 4000;

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String actor, UUID customerId, String action, String details) {
        String text = details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS - 1) + "…" : details;
        jdbc.sql("""
                INSERT INTO activity_log (id, occurred_at, actor, customer_id, action, details)
                VALUES (:id, :at, :actor, :customer, :action, :details)
                """)
                .param("id", Ids.next()).param("at", Timestamp.from(Instant.now()))
                .param("actor", actor.length() > 254 ? actor.substring(0, 254) : actor)
                .param("customer", customerId).param("action", action).param("details", text).update();
    }

    private record Where(String clause, java.util.Map<String, Object> params) {
    }

    private static Where where(ActivityQuery query) {
        List<String> where = new ArrayList<>();
        var params = new java.util.HashMap<String, Object>();
        if (query.customerId() != null) {
            where.add("customer_id = :customer");
            params.put("customer", query.customerId());
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.add("action = :action");
            params.put("action", query.action().strip());
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            where.add("lower(actor) LIKE :actor ESCAPE '\\'");
            params.put("actor", Like.containing(query.actor()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.add("lower(details) LIKE :text ESCAPE '\\'");
            params.put("text", Like.containing(query.text()));
        }
        if (query.from() != null) {
            where.add("occurred_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("occurred_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        return new Where(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where), params);
    }

    private static final String COLUMNS = "SELECT id, occurred_at, actor, customer_id, action, details FROM activity_log";
    private static final String ORDER = " ORDER BY occurred_at DESC, id DESC";

    private static ActivityEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ActivityEntry(rs.getObject("id", UUID.class), Sql.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getObject("customer_id", UUID.class), rs.getString("action"), rs.getString("details"));
    }

    PageResult<ActivityEntry> search(ActivityQuery query, PageRequest page) {
        Where where = where(query);
        var params = where.params();
        long total = jdbc.sql("SELECT count(*) FROM activity_log" + where.clause()).params(params)
                .query(Long.class).single();
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<ActivityEntry> items = jdbc.sql(COLUMNS + where.clause() + ORDER + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** Every matching line, newest first, handed over one at a time (read as a stream, never all at once). */
    void forEach(ActivityQuery query, java.util.function.Consumer<ActivityEntry> consumer) {
        Where where = where(query);
        jdbc.sql(COLUMNS + where.clause() + ORDER).params(where.params())
                .withFetchSize(1000)
                .query(rs -> {
                    consumer.accept(entry(rs));
                });
    }
}
