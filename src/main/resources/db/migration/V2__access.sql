-- Partner agents (the partner's own staff) and their API tokens.
CREATE TABLE agent (
    id                   UUID          NOT NULL PRIMARY KEY,
    email                VARCHAR(254)  NOT NULL,
    email_key            VARCHAR(254)  NOT NULL UNIQUE,
    display_name         VARCHAR(100)  NOT NULL,
    role                 VARCHAR(20)   NOT NULL CHECK (role IN ('ADMIN', 'SALES', 'HELPDESK')),
    password_hash        VARCHAR(255)  NOT NULL,
    must_change_password BOOLEAN       NOT NULL DEFAULT FALSE,
    password_expires_at  TIMESTAMP WITH TIME ZONE,
    enabled              BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Only a SHA-256 of the token is kept: tokens are 256 random bits, so a fast hash is enough.
CREATE TABLE api_token (
    id           UUID          NOT NULL PRIMARY KEY,
    agent_id     UUID          NOT NULL REFERENCES agent (id),
    name         VARCHAR(100)  NOT NULL,
    token_hash   CHAR(64)      NOT NULL UNIQUE,
    token_prefix VARCHAR(12)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_agent_idx ON api_token (agent_id);
