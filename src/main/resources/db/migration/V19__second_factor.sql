-- TOTP second factors of agents and customer users (like api_token: an agent's or a customer user's, never both).
-- The secret is sealed with the application's key (shared.Sealer); last_step is the last 30-second step whose code
-- was accepted, so a code is never accepted twice. A factor without confirmed_at is an enrolment in progress.
CREATE TABLE second_factor (
    id            UUID          NOT NULL PRIMARY KEY,
    agent_id      UUID          REFERENCES agent (id) ON DELETE CASCADE,
    customer_id   UUID,
    user_id       UUID,
    secret_sealed VARCHAR(200)  NOT NULL,
    last_step     BIGINT        NOT NULL DEFAULT 0,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT second_factor_user_fk FOREIGN KEY (customer_id, user_id)
        REFERENCES app_user (customer_id, id) ON DELETE CASCADE,
    CONSTRAINT second_factor_one_owner CHECK (
        (agent_id IS NOT NULL AND customer_id IS NULL AND user_id IS NULL)
        OR (agent_id IS NULL AND customer_id IS NOT NULL AND user_id IS NOT NULL))
);
CREATE UNIQUE INDEX second_factor_agent_idx ON second_factor (agent_id);
CREATE UNIQUE INDEX second_factor_user_idx ON second_factor (customer_id, user_id);

-- One-time recovery codes: only a keyed hash (HMAC-SHA-256; the codes are random, so a fast hash is enough).
CREATE TABLE second_factor_recovery (
    factor_id UUID     NOT NULL REFERENCES second_factor (id) ON DELETE CASCADE,
    code_hash CHAR(64) NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (factor_id, code_hash)
);

-- A customer that requires its administrators (Global admins, User management admins) to use a second factor.
CREATE TABLE customer_mfa_policy (
    customer_id     UUID    NOT NULL PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    admins_required BOOLEAN NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
