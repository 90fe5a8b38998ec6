-- SCIM provisioning tokens: one customer's identity provider pushes that customer's users with one of them.
-- Only the SHA-256 of the secret is kept (shared.BearerSecrets); token_prefix is shown to tell tokens apart.
CREATE TABLE scim_token (
    id           UUID          NOT NULL PRIMARY KEY,
    customer_id  UUID          NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    name         VARCHAR(100)  NOT NULL,
    token_hash   CHAR(64)      NOT NULL UNIQUE,
    token_prefix VARCHAR(16)   NOT NULL,
    created_by   VARCHAR(320)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX scim_token_customer_idx ON scim_token (customer_id);
