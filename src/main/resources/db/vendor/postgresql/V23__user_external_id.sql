-- SCIM's externalId (issue 14): the identity provider's own id of a user, compared case-exact (RFC 7643).
-- external_id is kept while a user is deleted (a restore brings it back); external_id_key is it for users not
-- deleted only, so it is unique per customer among the users in use, and NULL (any number of times) otherwise.
-- db/vendor/h2/V23__user_external_id.sql is the same in H2's dialect.
ALTER TABLE app_user
    ADD COLUMN external_id VARCHAR(256),
    ADD COLUMN external_id_key VARCHAR(256)
        GENERATED ALWAYS AS (CASE WHEN deleted_at IS NULL THEN external_id END) STORED;
CREATE UNIQUE INDEX app_user_external_id_idx ON app_user (customer_id, external_id_key);
