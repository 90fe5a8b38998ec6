package io.seatwise.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code job} and {@code job_payload} tables. */
@Repository
class JobRepository {

    /** A piece of a job's input: a stream of any size is stored this much to a row. */
    static final int PIECE = 1 << 20;

    private static final String COLUMNS = """
            customer_id, id, kind, status, owner_name, name, params, created_at, started_at, finished_at, attempts,
            step, progress_done, progress_total, result_json, error_code, error_message, owner_ref""";

    /** A job as claimed to run: who to run it as, and which attempt this is (the fencing token). */
    record Claimed(Job job, String ownerRef, int attempt) {
    }

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CustomerId customer, JobId id, String kind, JobStatus status, String owner, String ownerRef,
            String name, String params, Instant now) {
        jdbc.sql("""
                INSERT INTO job (customer_id, id, kind, status, owner_name, owner_ref, name, params, created_at,
                                 queued_at)
                VALUES (:c, :id, :kind, :status, :owner, :ref, :name, :params, :now, :queued)
                """)
                .param("c", customer.value()).param("id", id.value()).param("kind", kind)
                .param("status", status.name()).param("owner", owner).param("ref", ownerRef).param("name", name)
                .param("params", params).param("now", Timestamp.from(now))
                .param("queued", status == JobStatus.QUEUED ? Timestamp.from(now) : null).update();
    }

    /** Stores a stream as the job's input, a piece at a time; answers how many bytes. */
    long storeInput(CustomerId customer, JobId id, InputStream in) {
        long total = 0;
        int seq = 0;
        try {
            byte[] piece = in.readNBytes(PIECE);
            while (piece.length > 0) {
                jdbc.sql("INSERT INTO job_payload (customer_id, job_id, seq, bytes) VALUES (:c, :id, :seq, :b)")
                        .param("c", customer.value()).param("id", id.value()).param("seq", seq++)
                        .param("b", piece).update();
                total += piece.length;
                piece = in.readNBytes(PIECE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    /** Writes the job's input to {@code out}, a piece at a time; answers whether it has any. */
    boolean copyInput(CustomerId customer, JobId id, OutputStream out) {
        int pieces = jdbc.sql("SELECT count(*) FROM job_payload WHERE customer_id = :c AND job_id = :id")
                .param("c", customer.value()).param("id", id.value()).query(Integer.class).single();
        for (int seq = 0; seq < pieces; seq++) {
            byte[] piece = jdbc.sql("SELECT bytes FROM job_payload WHERE customer_id = :c AND job_id = :id "
                            + "AND seq = :seq")
                    .param("c", customer.value()).param("id", id.value()).param("seq", seq)
                    .query((rs, n) -> rs.getBytes(1)).single();
            try {
                out.write(piece);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pieces > 0;
    }

    void deleteInput(CustomerId customer, JobId id) {
        jdbc.sql("DELETE FROM job_payload WHERE customer_id = :c AND job_id = :id")
                .param("c", customer.value()).param("id", id.value()).update();
    }

    int active(CustomerId customer, String kind) {
        return jdbc.sql("SELECT count(*) FROM job WHERE customer_id = :c AND kind = :kind "
                        + "AND status IN ('QUEUED', 'RUNNING')")
                .param("c", customer.value()).param("kind", kind).query(Integer.class).single();
    }

    Optional<Job> find(CustomerId customer, JobId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE customer_id = :c AND id = :id")
                .param("c", customer.value()).param("id", id.value()).query(JobRepository::job).optional();
    }

    /** A draft becomes queued; false when it is no draft (any more). */
    boolean queue(CustomerId customer, JobId id, Instant now) {
        return jdbc.sql("""
                UPDATE job SET status = 'QUEUED', queued_at = :now
                WHERE customer_id = :c AND id = :id AND status = 'DRAFT'
                """)
                .param("c", customer.value()).param("id", id.value()).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Claims the oldest job waiting, or running on an instance silent since {@code staleBefore}, of a customer with
     * no other job running (one customer's jobs run one after another, so the other workers stay free for the other
     * customers; two instances claiming at the same moment may, rarely, run two of one customer's): the row is locked
     * (others skip it) and marked running here, its attempts counted. Only jobs of the kinds this instance can run
     * (an instance of an older version leaves a newer kind to the others). Empty when there is none.
     */
    Optional<Claimed> claim(String node, java.util.Collection<String> kinds, Instant now, Instant staleBefore) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> candidates = jdbc.sql("""
                SELECT j.customer_id, j.id, j.owner_ref, j.attempts FROM job j
                WHERE (j.status = 'QUEUED' OR (j.status = 'RUNNING' AND j.heartbeat_at < :stale))
                  AND j.kind IN (:kinds)
                  AND NOT EXISTS (SELECT 1 FROM job r WHERE r.customer_id = j.customer_id AND r.id <> j.id
                                  AND r.status = 'RUNNING' AND r.heartbeat_at >= :stale)
                ORDER BY j.queued_at
                FETCH FIRST 1 ROWS ONLY
                FOR UPDATE SKIP LOCKED
                """)
                .param("stale", Timestamp.from(staleBefore)).param("kinds", List.copyOf(kinds))
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getInt(4)})
                .list();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = candidates.get(0);
        CustomerId customer = new CustomerId((UUID) row[0]);
        JobId id = new JobId((UUID) row[1]);
        int attempt = (Integer) row[3] + 1;
        jdbc.sql("""
                UPDATE job SET status = 'RUNNING', claimed_by = :node, heartbeat_at = :now, attempts = :attempt,
                               started_at = :now, step = NULL, progress_done = 0, progress_total = 0
                WHERE customer_id = :c AND id = :id
                """)
                .param("node", node).param("now", Timestamp.from(now)).param("attempt", attempt)
                .param("c", customer.value()).param("id", id.value()).update();
        return Optional.of(new Claimed(find(customer, id).orElseThrow(), (String) row[2], attempt));
    }

    /** Progress of the attempt still holding the job (and a heartbeat); false when another attempt took it. */
    boolean progress(Job job, int attempt, String step, long done, long total, Instant now) {
        return jdbc.sql("""
                UPDATE job SET step = :step, progress_done = :done, progress_total = :total, heartbeat_at = :now
                WHERE customer_id = :c AND id = :id AND status = 'RUNNING' AND attempts = :attempt
                """)
                .param("step", step).param("done", done).param("total", total).param("now", Timestamp.from(now))
                .param("c", job.customerId().value()).param("id", job.id().value()).param("attempt", attempt)
                .update() == 1;
    }

    /** The heartbeat of the attempt still holding the job. */
    void beat(Job job, int attempt, Instant now) {
        jdbc.sql("""
                UPDATE job SET heartbeat_at = :now
                WHERE customer_id = :c AND id = :id AND status = 'RUNNING' AND attempts = :attempt
                """)
                .param("now", Timestamp.from(now)).param("c", job.customerId().value()).param("id", job.id().value())
                .param("attempt", attempt).update();
    }

    /** Puts a job its instance stops running back in the queue, this attempt not counted. */
    boolean requeue(Job job, int attempt) {
        return jdbc.sql("""
                UPDATE job SET status = 'QUEUED', claimed_by = NULL, heartbeat_at = NULL, attempts = attempts - 1,
                               step = NULL, progress_done = 0, progress_total = 0
                WHERE customer_id = :c AND id = :id AND status = 'RUNNING' AND attempts = :attempt
                """)
                .param("c", job.customerId().value()).param("id", job.id().value()).param("attempt", attempt)
                .update() == 1;
    }

    /** Ends the attempt still holding the job; false when another attempt took it meanwhile. */
    boolean finish(Job job, int attempt, JobStatus status, String result, String errorCode, String errorMessage,
            Instant now) {
        return jdbc.sql("""
                UPDATE job SET status = :status, finished_at = :now, result_json = :result, error_code = :code,
                               error_message = :message, claimed_by = NULL
                WHERE customer_id = :c AND id = :id AND status = 'RUNNING' AND attempts = :attempt
                """)
                .param("status", status.name()).param("now", Timestamp.from(now)).param("result", result)
                .param("code", errorCode)
                .param("message", errorMessage == null ? null
                        : errorMessage.substring(0, Math.min(errorMessage.length(), 2000)))
                .param("c", job.customerId().value()).param("id", job.id().value()).param("attempt", attempt)
                .update() == 1;
    }

    /** Drafts kept since before {@code draftsBefore} and jobs over since before {@code overBefore} go. */
    int sweep(Instant draftsBefore, Instant overBefore) {
        return jdbc.sql("""
                DELETE FROM job WHERE (status = 'DRAFT' AND created_at < :drafts)
                                   OR (status IN ('SUCCEEDED', 'FAILED') AND finished_at < :over)
                """)
                .param("drafts", Timestamp.from(draftsBefore)).param("over", Timestamp.from(overBefore)).update();
    }

    /** The drafts of one owner, kind and customer (a new upload replaces the one not started). */
    int deleteDrafts(CustomerId customer, String kind, String owner, String ownerRef) {
        return jdbc.sql("DELETE FROM job WHERE customer_id = :c AND kind = :kind AND owner_name = :owner "
                        + "AND owner_ref = :ref AND status = 'DRAFT'")
                .param("c", customer.value()).param("kind", kind).param("owner", owner).param("ref", ownerRef)
                .update();
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        return new Job(new CustomerId(rs.getObject("customer_id", UUID.class)),
                new JobId(rs.getObject("id", UUID.class)), rs.getString("kind"),
                JobStatus.valueOf(rs.getString("status")), rs.getString("owner_name"), rs.getString("name"),
                rs.getString("params"), Sql.instant(rs, "created_at"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"), rs.getInt("attempts"), rs.getString("step"),
                rs.getLong("progress_done"), rs.getLong("progress_total"), rs.getString("result_json"),
                rs.getString("error_code"), rs.getString("error_message"), rs.getString("owner_ref"));
    }
}
