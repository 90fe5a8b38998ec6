-- The users list at 1,000,000 users (targets.md B3), PostgreSQL. db/vendor/h2/V9__users_list.sql is the same
-- schema in H2's dialect: the columns and tables are identical, only the indexes suit each engine.

-- Per customer, kept by UserListChanges at the end of every transaction that changes the customer's users or
-- their license assignments: version counts those transactions (a cached count is valid for one version);
-- users and deleted are the numbers of users (not deleted) and of deleted users.
CREATE TABLE user_count (
    customer_id  UUID    NOT NULL PRIMARY KEY REFERENCES customer (id),
    version      BIGINT  NOT NULL,
    users        BIGINT  NOT NULL,
    deleted      BIGINT  NOT NULL
);
INSERT INTO user_count (customer_id, version, users, deleted)
SELECT c.id, 0,
       (SELECT count(*) FROM app_user u WHERE u.customer_id = c.id AND u.deleted_at IS NULL),
       (SELECT count(*) FROM app_user u WHERE u.customer_id = c.id AND u.deleted_at IS NOT NULL)
FROM customer c;

-- Search keys (lower case; the search finds users whose key starts with what was typed) and "is an
-- administrator", computed by the database so no writer can forget them. One ALTER: one rewrite of the table.
ALTER TABLE app_user
    ADD COLUMN display_key VARCHAR GENERATED ALWAYS AS (lower(display_name)) STORED,
    ADD COLUMN first_key   VARCHAR GENERATED ALWAYS AS (lower(first_name)) STORED,
    ADD COLUMN last_key    VARCHAR GENERATED ALWAYS AS (lower(last_name)) STORED,
    ADD COLUMN is_admin    BOOLEAN GENERATED ALWAYS AS (directory_role <> 'NONE') STORED;

-- pattern_ops: LIKE 'prefix%' is an index range whatever the database's collation.
CREATE INDEX app_user_display_key_idx ON app_user (customer_id, display_key varchar_pattern_ops);
CREATE INDEX app_user_first_key_idx ON app_user (customer_id, first_key varchar_pattern_ops);
CREATE INDEX app_user_last_key_idx ON app_user (customer_id, last_key varchar_pattern_ops);
CREATE INDEX app_user_name_key_prefix_idx ON app_user (customer_id, user_name_key varchar_pattern_ops);

-- The small filters read only their own users, in display-name order, from either end.
CREATE INDEX app_user_admins_idx ON app_user (customer_id, display_name, id) WHERE is_admin AND deleted_at IS NULL;
CREATE INDEX app_user_blocked_idx ON app_user (customer_id, display_name, id)
    WHERE sign_in_blocked AND deleted_at IS NULL;
CREATE INDEX app_user_deleted_list_idx ON app_user (customer_id, display_name, id) WHERE deleted_at IS NOT NULL;
