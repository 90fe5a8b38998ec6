-- API tokens of customer administrators (Global admin, User management admin): a token belongs to an agent or to
-- a customer user, never both. Deleting a user revokes its tokens; purging it removes them.
ALTER TABLE api_token ALTER COLUMN agent_id DROP NOT NULL;
ALTER TABLE api_token ADD COLUMN customer_id UUID;
ALTER TABLE api_token ADD COLUMN user_id UUID;
ALTER TABLE api_token ADD CONSTRAINT api_token_user_fk FOREIGN KEY (customer_id, user_id)
    REFERENCES app_user (customer_id, id) ON DELETE CASCADE;
ALTER TABLE api_token ADD CONSTRAINT api_token_one_owner CHECK (
    (agent_id IS NOT NULL AND customer_id IS NULL AND user_id IS NULL)
    OR (agent_id IS NULL AND customer_id IS NOT NULL AND user_id IS NOT NULL));
CREATE INDEX api_token_user_idx ON api_token (customer_id, user_id);
