package io.seatwise.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.seatwise.shared.Ids;
import io.seatwise.shared.Like;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the activity log. */
@Repository
class ActivityRepository {

    private static final int MAX_DETAILS = 4000;
    private static final int MAX_DATA = 100_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    ActivityRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /**
     * Stores a line: {@code data} holds the details as a JSON object; {@code details} only their values as text,
     * which is what "details contain" searches (lines from before V17 have their key=value text there and no data).
     */
    void insert(String actor, UUID customerId, String action, Map<String, Object> details) {
        insert(List.of(line(actor, customerId, action, details)));
    }

    /** A line as {@link #insert(List)} stores it, its id and time taken now. */
    Line line(String actor, UUID customerId, String action, Map<String, Object> details) {
        String values = ActivityDetails.searchText(details);
        String text = values.length() > MAX_DETAILS ? values.substring(0, MAX_DETAILS - 1) + "…" : values;
        return new Line(Ids.next(), Timestamp.from(Instant.now()), actor.length() > 254 ? actor.substring(0, 254)
                : actor, customerId, action, text, json(details));
    }

    /** Stores lines in one JDBC batch (one round trip). */
    void insert(List<Line> lines) {
        template.batchUpdate("""
                INSERT INTO activity_log (id, occurred_at, actor, customer_id, action, details, data)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, lines, lines.size(), (ps, l) -> {
            ps.setObject(1, l.id());
            ps.setTimestamp(2, l.at());
            ps.setString(3, l.actor());
            ps.setObject(4, l.customerId());
            ps.setString(5, l.action());
            ps.setString(6, l.details());
            ps.setString(7, l.data());
        });
    }

    /** One line of the log as stored. */
    record Line(UUID id, Timestamp at, String actor, UUID customerId, String action, String details, String data) {
    }

    /** The JSON of the details; past the column's size (lists at their longest), their plain values alone. */
    private String json(Map<String, Object> details) {
        String data = json.writeValueAsString(details);
        if (data.length() <= MAX_DATA) {
            return data;
        }
        Map<String, Object> scalars = new LinkedHashMap<>();
        details.forEach((k, v) -> {
            if (!(v instanceof Map<?, ?>) && !(v instanceof java.util.Collection<?>)) {
                scalars.put(k, v);
            }
        });
        return json.writeValueAsString(scalars);
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

    private static final String COLUMNS =
            "SELECT id, occurred_at, actor, customer_id, action, details, data FROM activity_log";
    private static final String ORDER = " ORDER BY occurred_at DESC, id DESC";

    private ActivityEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        String action = rs.getString("action");
        String data = rs.getString("data");
        return new ActivityEntry(rs.getObject("id", UUID.class), Sql.instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getObject("customer_id", UUID.class), action,
                data == null ? LegacyDetails.parse(action, rs.getString("details")) : details(data));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(String data) {
        return json.readValue(data, LinkedHashMap.class);
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
