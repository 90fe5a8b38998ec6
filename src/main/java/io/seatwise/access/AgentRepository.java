package io.seatwise.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import io.seatwise.shared.Sql;
import io.seatwise.users.UserId;
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
    record Token(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
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

    /** A live token's owner: an agent, or a customer and user. */
    record TokenRow(AgentId agentId, CustomerId customerId, UserId userId) {
    }

    void insertToken(UUID id, TokenOwner owner, String name, String hash, String prefix, Instant at) {
        jdbc.sql("""
                INSERT INTO api_token (id, agent_id, customer_id, user_id, name, token_hash, token_prefix, created_at)
                VALUES (:id, :agent, :customer, :user, :name, :hash, :prefix, :at)
                """)
                .param("id", id).param("agent", owner.isAgent() ? owner.agentId().value() : null)
                .param("customer", owner.isAgent() ? null : owner.customerId().value())
                .param("user", owner.isAgent() ? null : owner.userId().value())
                .param("name", name).param("hash", hash).param("prefix", prefix).param("at", Timestamp.from(at))
                .update();
    }

    /** The owner of a live (not revoked) token with this hash; whether the owner may still use it is not checked. */
    Optional<TokenRow> tokenOwner(String hash) {
        return jdbc.sql("SELECT agent_id, customer_id, user_id FROM api_token "
                        + "WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash)
                .query((rs, n) -> {
                    UUID agent = rs.getObject("agent_id", UUID.class);
                    UUID customer = rs.getObject("customer_id", UUID.class);
                    UUID user = rs.getObject("user_id", UUID.class);
                    return new TokenRow(agent == null ? null : new AgentId(agent),
                            customer == null ? null : new CustomerId(customer), user == null ? null : new UserId(user));
                }).optional();
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

    List<Token> tokens(TokenOwner owner) {
        return owned(owner, """
                SELECT id, name, token_prefix, created_at, last_used_at, revoked_at FROM api_token
                WHERE %s ORDER BY created_at DESC
                """)
                .query((rs, n) -> new Token(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("token_prefix"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_used_at"),
                        Sql.instant(rs, "revoked_at")))
                .list();
    }

    boolean revokeToken(TokenOwner owner, UUID tokenId, Instant at) {
        return owned(owner, "UPDATE api_token SET revoked_at = :at WHERE id = :id AND %s AND revoked_at IS NULL")
                .param("at", Timestamp.from(at)).param("id", tokenId).update() == 1;
    }

    Optional<String> tokenName(TokenOwner owner, UUID tokenId) {
        return owned(owner, "SELECT name FROM api_token WHERE id = :id AND %s")
                .param("id", tokenId).query(String.class).optional();
    }

    /** Revokes every live token of a customer user (it was deleted). */
    int revokeUserTokens(CustomerId customer, UserId user, Instant at) {
        return jdbc.sql("""
                UPDATE api_token SET revoked_at = :at
                WHERE customer_id = :c AND user_id = :u AND revoked_at IS NULL
                """)
                .param("at", Timestamp.from(at)).param("c", customer.value()).param("u", user.value()).update();
    }

    /** A statement whose {@code %s} becomes the condition "owned by this owner", with its parameters bound. */
    private JdbcClient.StatementSpec owned(TokenOwner owner, String sql) {
        if (owner.isAgent()) {
            return jdbc.sql(sql.formatted("agent_id = :agent")).param("agent", owner.agentId().value());
        }
        return jdbc.sql(sql.formatted("customer_id = :customer AND user_id = :user"))
                .param("customer", owner.customerId().value()).param("user", owner.userId().value());
    }

    private static Agent agent(ResultSet rs, int n) throws SQLException {
        return new Agent(new AgentId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getBoolean("must_change_password"), Sql.instant(rs, "created_at"));
    }

}
