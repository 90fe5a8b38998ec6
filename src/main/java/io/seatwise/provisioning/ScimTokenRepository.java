package io.seatwise.provisioning;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.seatwise.customers.CustomerId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code scim_token}: provisioning tokens by customer, the secret only as its hash. */
@Repository
class ScimTokenRepository {

    /** How often a token's use is recorded at most. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private static final String COLUMNS = "id, name, token_prefix, created_by, created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    ScimTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CustomerId customer, ScimToken token, String hash) {
        jdbc.sql("INSERT INTO scim_token (id, customer_id, name, token_hash, token_prefix, created_by, created_at)"
                + " VALUES (:id, :customer, :name, :hash, :prefix, :by, :at)")
                .param("id", token.id()).param("customer", customer.value()).param("name", token.name())
                .param("hash", hash).param("prefix", token.prefix()).param("by", token.createdBy())
                .param("at", Timestamp.from(token.createdAt())).update();
    }

    /** The customer's tokens, the newest first, revoked ones included. */
    List<ScimToken> list(CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scim_token WHERE customer_id = :customer"
                + " ORDER BY created_at DESC, id").param("customer", customer.value())
                .query((rs, n) -> new ScimToken(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("token_prefix"), rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
                .list();
    }

    Optional<ScimToken> find(CustomerId customer, UUID id) {
        return list(customer).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Revokes a token that is not revoked yet; false when there was none to revoke. */
    boolean revoke(CustomerId customer, UUID id, Instant at) {
        return jdbc.sql("UPDATE scim_token SET revoked_at = :at WHERE customer_id = :customer AND id = :id"
                + " AND revoked_at IS NULL").param("at", Timestamp.from(at)).param("customer", customer.value())
                .param("id", id).update() == 1;
    }

    /** The principal of a token that is not revoked, by the hash of its secret. */
    Optional<Active> active(String hash) {
        return jdbc.sql("SELECT customer_id, id, name, last_used_at FROM scim_token"
                + " WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("hash", hash)
                .query((rs, n) -> new Active(new ScimPrincipal(new CustomerId(rs.getObject("customer_id", UUID.class)),
                        rs.getObject("id", UUID.class), rs.getString("name")), instant(rs.getTimestamp("last_used_at"))))
                .optional();
    }

    /** An unrevoked token's principal, and when it was last recorded as used (null: never). */
    record Active(ScimPrincipal principal, Instant lastUsedAt) {

        /** Whether a use at {@code at} is to be recorded: at most once a minute, as {@link #touch} writes. */
        boolean dueForTouch(Instant at) {
            return lastUsedAt == null || lastUsedAt.isBefore(at.minus(TOUCH_EVERY));
        }
    }

    /**
     * Records a use at most once a minute per token: an identity provider sends many requests a second, and the
     * console shows the last use to the minute.
     */
    void touch(UUID id, Instant at) {
        jdbc.sql("UPDATE scim_token SET last_used_at = :at WHERE id = :id"
                + " AND (last_used_at IS NULL OR last_used_at < :before)").param("at", Timestamp.from(at))
                .param("id", id).param("before", Timestamp.from(at.minus(TOUCH_EVERY))).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
