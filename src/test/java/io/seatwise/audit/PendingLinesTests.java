package io.seatwise.audit;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction's activity lines are stored together as it commits ({@link PendingLines}), and exactly the lines
 * its committed work recorded: none of a rolled-back transaction or savepoint, those of an inner REQUIRES_NEW
 * transaction by that transaction, at once without a transaction; on H2 and PostgreSQL.
 */
abstract class PendingLinesTests {

    @Autowired
    ActivityRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    final String action = "test.pending-" + UUID.randomUUID();

    void record(String what) {
        PendingLines.add(repository, repository.line("tester", null, action, Map.of("what", what)));
    }

    long stored(String what) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM activity_log WHERE action = ? AND details LIKE ?",
                Long.class, action, "%" + what + "%");
        return n == null ? 0 : n;
    }

    TransactionTemplate with(int propagation) {
        TransactionTemplate t = new TransactionTemplate(transactions);
        t.setPropagationBehavior(propagation);
        return t;
    }

    @Test
    void linesAreStoredTogetherWhenTheTransactionCommitsAndNotBefore() {
        with(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(s -> {
            record("first");
            record("second");
            assertThat(stored("first") + stored("second")).isZero();
        });
        assertThat(stored("first")).isEqualTo(1);
        assertThat(stored("second")).isEqualTo(1);
        var ids = jdbc.queryForList("SELECT details FROM activity_log WHERE action = ? ORDER BY id", String.class,
                action);
        assertThat(ids).containsExactly("first", "second");
    }

    @Test
    void aRolledBackTransactionOrSavepointLeavesNoLine() {
        with(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(s -> {
            record("lost");
            s.setRollbackOnly();
        });
        with(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(s -> {
            record("before");
            with(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> {
                record("undone");
                inner.setRollbackOnly();
            });
            with(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> record("kept"));
            record("after");
        });
        assertThat(stored("lost")).isZero();
        assertThat(stored("undone")).isZero();
        assertThat(stored("before") + stored("kept") + stored("after")).isEqualTo(3);
    }

    @Test
    void aSavepointSetBeforeTheFirstLineTakesItsLinesWhenRolledBack() {
        with(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(s -> {
            with(TransactionDefinition.PROPAGATION_NESTED).executeWithoutResult(inner -> {
                record("inside");
                inner.setRollbackOnly();
            });
            record("outside");
        });
        assertThat(stored("inside")).isZero();
        assertThat(stored("outside")).isEqualTo(1);
    }

    @Test
    void anInnerNewTransactionStoresItsOwnLinesAndWithoutATransactionTheyAreStoredAtOnce() {
        with(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(s -> {
            record("outer");
            with(TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> record("inner"));
            assertThat(stored("inner")).isEqualTo(1);
            s.setRollbackOnly();
        });
        assertThat(stored("inner")).isEqualTo(1);
        assertThat(stored("outer")).isZero();
        record("alone");
        assertThat(stored("alone")).isEqualTo(1);
    }
}
