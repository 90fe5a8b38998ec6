package io.seatwise.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for agents and API tokens. */
@Repository
class AgentRepository {

    private static final String COLUMNS =
            "id, email, display_name, role, enabled, must_change_password, created_at, password_hash, "
                    + "password_expires_at";

    /** An agent with its password hash, for sign-in only. */
    record Credentials(Agent agent, String passwordHash, Instant passwordExpiresAt) {
    }

    /** A stored API token, without its secret. */
    record Token(UUID id, AgentId agentId, String name, String prefix, Instant createdAt, Instant lastUsedAt,
            Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    AgentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM agent").query(Long.class).single();
    }

    void insert(Agent agent, String passwordHash, Instant passwordExpiresAt) {
        jdbc.sql("""
                INSERT INTO agent (id, email, email_key, display_name, role, password_hash, must_change_password,
                  password_expires_at, enabled, created_at)
                VALUES (:id, :email, :key, :name, :role, :hash, :must, :expires, TRUE, :at)
                """)
                .param("expires", passwordExpiresAt == null ? null : Timestamp.from(passwordExpiresAt))
                .param("id", agent.id().value()).param("email", agent.email())
                .param("key", agent.email().toLowerCase(Locale.ROOT)).param("name", agent.displayName())
                .param("role", agent.role().name()).param("hash", passwordHash)
                .param("must", agent.mustChangePassword()).param("at", Timestamp.from(agent.createdAt())).update();
    }

    Optional<Credentials> credentials(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent WHERE email_key = :key")
                .param("key", email.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new Credentials(agent(rs, n), rs.getString("password_hash"),
                        Sql.instant(rs, "password_expires_at"))).optional();
    }

    Optional<Agent> find(AgentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent WHERE id = :id").param("id", id.value())
                .query(AgentRepository::agent).optional();
    }

    List<Agent> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agent ORDER BY email_key").query(AgentRepository::agent).list();
    }

    void update(AgentId id, Role role, boolean enabled) {
        jdbc.sql("UPDATE agent SET role = :role, enabled = :enabled WHERE id = :id")
                .param("role", role.name()).param("enabled", enabled).param("id", id.value()).update();
    }

    void setPassword(AgentId id, String hash, boolean mustChange) {
        jdbc.sql("UPDATE agent SET password_hash = :hash, must_change_password = :must, password_expires_at = NULL "
                        + "WHERE id = :id")
                .param("hash", hash).param("must", mustChange).param("id", id.value()).update();
    }

    /** Counts the enabled Admin agents and locks their rows, so two demotions cannot both pass the check. */
    long lockEnabledAdmins() {
        return jdbc.sql("SELECT id FROM agent WHERE role = 'ADMIN' AND enabled FOR UPDATE").query(UUID.class)
                .list().size();
    }

    void insertToken(UUID id, AgentId agent, String name, String hash, String prefix, Instant at) {
        jdbc.sql("""
                INSERT INTO api_token (id, agent_id, name, token_hash, token_prefix, created_at)
                VALUES (:id, :agent, :name, :hash, :prefix, :at)
                """)
                .param("id", id).param("agent", agent.value()).param("name", name).param("hash", hash)
                .param("prefix", prefix).param("at", Timestamp.from(at)).update();
    }

    /** The agent that owns a live token with this hash, if the agent is enabled. */
    Optional<Agent> agentByTokenHash(String hash) {
        return jdbc.sql("SELECT a.id, a.email, a.display_name, a.role, a.enabled, a.must_change_password, "
                        + "a.created_at, a.password_hash FROM api_token t JOIN agent a ON a.id = t.agent_id "
                        + "WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND a.enabled")
                .param("hash", hash).query(AgentRepository::agent).optional();
    }

    /** Records use at most once a minute per token, so reads do not turn into a write per request. */
    void touchToken(String hash, Instant now) {
        jdbc.sql("""
                UPDATE api_token SET last_used_at = :now
                WHERE token_hash = :hash AND (last_used_at IS NULL OR last_used_at < :minuteAgo)
                """)
                .param("now", Timestamp.from(now)).param("hash", hash)
                .param("minuteAgo", Timestamp.from(now.minusSeconds(60))).update();
    }

    List<Token> tokens(AgentId agent) {
        return jdbc.sql("""
                SELECT id, agent_id, name, token_prefix, created_at, last_used_at, revoked_at FROM api_token
                WHERE agent_id = :agent ORDER BY created_at DESC
                """)
                .param("agent", agent.value())
                .query((rs, n) -> new Token(rs.getObject("id", UUID.class),
                        new AgentId(rs.getObject("agent_id", UUID.class)), rs.getString("name"),
                        rs.getString("token_prefix"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"),
                        Sql.instant(rs, "revoked_at")))
                .list();
    }

    boolean revokeToken(AgentId agent, UUID tokenId, Instant at) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = :at WHERE id = :id AND agent_id = :agent AND revoked_at IS NULL
                """)
                .param("at", Timestamp.from(at)).param("id", tokenId).param("agent", agent.value()).update() == 1;
    }

    Optional<String> tokenName(AgentId agent, UUID tokenId) {
        return jdbc.sql("SELECT name FROM api_token WHERE id = :id AND agent_id = :agent")
                .param("id", tokenId).param("agent", agent.value()).query(String.class).optional();
    }

    private static Agent agent(ResultSet rs, int n) throws SQLException {
        return new Agent(new AgentId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), Sql.instant(rs, "created_at"));
    }

}
