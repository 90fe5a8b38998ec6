package io.seatwise.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for failed sign-ins: one row per subject ({@code account:…} or {@code address:…}), see V18. */
@Repository
class SignInFailureRepository {

    /** A subject's failures as stored. */
    record Failures(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    private final JdbcClient jdbc;

    SignInFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest end of a lock still running on any of the subjects, if one is. */
    Optional<Instant> lockedUntil(Collection<String> subjects, Instant now) {
        return locks(subjects, now).values().stream().max(Instant::compareTo);
    }

    /** The running locks of these subjects, by subject. */
    Map<String, Instant> locks(Collection<String> subjects, Instant now) {
        Map<String, Instant> locks = new HashMap<>();
        if (subjects.isEmpty()) {
            return locks;
        }
        jdbc.sql("SELECT subject, locked_until FROM sign_in_failure WHERE subject IN (:subjects)"
                        + " AND locked_until > :now")
                .param("subjects", subjects).param("now", Timestamp.from(now))
                .query(rs -> {
                    locks.put(rs.getString("subject"), Sql.instant(rs, "locked_until"));
                });
        return locks;
    }

    /**
     * The subject's row, locked until the transaction ends, so that nodes counting failures of one subject at once
     * count each of them (made first, with no failures, when there is none).
     */
    Failures lockRow(String subject, Instant now) {
        jdbc.sql("INSERT INTO sign_in_failure (subject, failures, last_failure) VALUES (:s, 0, :now)"
                        + " ON CONFLICT DO NOTHING")
                .param("s", subject).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT failures, last_failure, locked_until FROM sign_in_failure WHERE subject = :s"
                        + " FOR UPDATE")
                .param("s", subject)
                .query((rs, n) -> new Failures(rs.getInt("failures"), Sql.instant(rs, "last_failure"),
                        Sql.instant(rs, "locked_until")))
                .single();
    }

    void update(String subject, Failures failures) {
        jdbc.sql("UPDATE sign_in_failure SET failures = :f, last_failure = :last, locked_until = :until"
                        + " WHERE subject = :s")
                .param("f", failures.failures()).param("last", Timestamp.from(failures.lastFailure()))
                .param("until", failures.lockedUntil() == null ? null : Timestamp.from(failures.lockedUntil()))
                .param("s", subject).update();
    }

    /** Forgets the subject's failures and lock; whether it had any. */
    boolean delete(String subject) {
        return jdbc.sql("DELETE FROM sign_in_failure WHERE subject = :s").param("s", subject).update() > 0;
    }

    /** Deletes the rows of one kind ({@code account:} or {@code address:}) whose failures are forgotten. */
    int deleteForgotten(String prefix, Instant failedBefore, Instant now) {
        return jdbc.sql("DELETE FROM sign_in_failure WHERE subject LIKE :prefix AND last_failure < :before"
                        + " AND (locked_until IS NULL OR locked_until < :now)")
                .param("prefix", prefix + "%").param("before", Timestamp.from(failedBefore))
                .param("now", Timestamp.from(now)).update();
    }
}
