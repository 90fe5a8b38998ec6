package io.seatwise.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for ending an agent's sessions and tokens (customer users' moment is kept by users.UserAccounts). */
@Repository
class SessionEndRepository {

    private final JdbcClient jdbc;

    SessionEndRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> agentSessionsValidAfter(AgentId id) {
        return jdbc.sql("SELECT sessions_valid_after FROM agent WHERE id = :id").param("id", id.value())
                .query((rs, n) -> Optional.ofNullable(Sql.instant(rs, "sessions_valid_after"))).optional()
                .flatMap(o -> o);
    }

    void setAgentSessionsValidAfter(AgentId id, Instant at) {
        jdbc.sql("UPDATE agent SET sessions_valid_after = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }

    int revokeAgentTokens(AgentId id, Instant at) {
        return jdbc.sql("UPDATE api_token SET revoked_at = :at WHERE agent_id = :id AND revoked_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", id.value()).update();
    }
}
