package io.seatwise.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for second factors, their recovery codes and customers' second-factor policy. */
@Repository
class SecondFactorRepository {

    /** A stored factor: its sealed secret, the last accepted step, and whether enrolment was confirmed. */
    record Factor(UUID id, String secretSealed, long lastStep, boolean confirmed) {
    }

    private final JdbcClient jdbc;

    SecondFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Factor> find(TokenOwner owner) {
        return owned(owner, "SELECT id, secret_sealed, last_step, confirmed_at FROM second_factor WHERE %s")
                .query((rs, n) -> new Factor(rs.getObject("id", UUID.class), rs.getString("secret_sealed"),
                        rs.getLong("last_step"), rs.getTimestamp("confirmed_at") != null))
                .optional();
    }

    void insert(UUID id, TokenOwner owner, String secretSealed, Instant at) {
        jdbc.sql("""
                INSERT INTO second_factor (id, agent_id, customer_id, user_id, secret_sealed, created_at)
                VALUES (:id, :agent, :customer, :user, :secret, :at)
                """)
                .param("id", id).param("agent", owner.isAgent() ? owner.agentId().value() : null)
                .param("customer", owner.isAgent() ? null : owner.customerId().value())
                .param("user", owner.isAgent() ? null : owner.userId().value())
                .param("secret", secretSealed).param("at", Timestamp.from(at)).update();
    }

    /**
     * Takes a step for the factor if it is later than every step taken before: one statement, so two requests
     * with the same code cannot both pass.
     */
    boolean takeStep(UUID factorId, long step) {
        return jdbc.sql("UPDATE second_factor SET last_step = :step WHERE id = :id AND last_step < :step")
                .param("step", step).param("id", factorId).update() == 1;
    }

    void confirm(UUID factorId, Instant at) {
        jdbc.sql("UPDATE second_factor SET confirmed_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", factorId).update();
    }

    void insertRecoveryCodes(UUID factorId, List<String> hashes) {
        jdbc.sql("DELETE FROM second_factor_recovery WHERE factor_id = :id").param("id", factorId).update();
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO second_factor_recovery (factor_id, code_hash) VALUES (:id, :hash)")
                    .param("id", factorId).param("hash", hash).update();
        }
    }

    /** Uses an unused recovery code: one statement, so a code is used once even by two requests at once. */
    boolean useRecoveryCode(UUID factorId, String hash, Instant at) {
        return jdbc.sql("""
                UPDATE second_factor_recovery SET used_at = :at
                WHERE factor_id = :id AND code_hash = :hash AND used_at IS NULL
                """)
                .param("at", Timestamp.from(at)).param("id", factorId).param("hash", hash).update() == 1;
    }

    int unusedRecoveryCodes(UUID factorId) {
        return jdbc.sql("SELECT count(*) FROM second_factor_recovery WHERE factor_id = :id AND used_at IS NULL")
                .param("id", factorId).query(Integer.class).single();
    }

    boolean delete(TokenOwner owner) {
        return owned(owner, "DELETE FROM second_factor WHERE %s").update() > 0;
    }

    boolean adminsRequired(CustomerId customer) {
        return jdbc.sql("SELECT admins_required FROM customer_mfa_policy WHERE customer_id = :c")
                .param("c", customer.value()).query(Boolean.class).optional().orElse(false);
    }

    void setAdminsRequired(CustomerId customer, boolean required, Instant at) {
        int updated = jdbc.sql("UPDATE customer_mfa_policy SET admins_required = :r, changed_at = :at "
                        + "WHERE customer_id = :c")
                .param("r", required).param("at", Timestamp.from(at)).param("c", customer.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO customer_mfa_policy (customer_id, admins_required, changed_at) VALUES (:c, :r, :at)")
                    .param("r", required).param("at", Timestamp.from(at)).param("c", customer.value()).update();
        }
    }

    private JdbcClient.StatementSpec owned(TokenOwner owner, String sql) {
        if (owner.isAgent()) {
            return jdbc.sql(sql.formatted("agent_id = :agent")).param("agent", owner.agentId().value());
        }
        return jdbc.sql(sql.formatted("customer_id = :customer AND user_id = :user"))
                .param("customer", owner.customerId().value()).param("user", owner.userId().value());
    }
}
