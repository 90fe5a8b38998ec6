-- The users list at 1,000,000 users (targets.md B3), H2. db/vendor/postgresql/V9__users_list.sql is the same
-- schema in PostgreSQL's dialect: the columns and tables are identical, only the indexes suit each engine.

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
-- administrator", computed by the database so no writer can forget them (H2 has no STORED keyword: its
-- generated columns are stored).
ALTER TABLE app_user ADD COLUMN display_key VARCHAR GENERATED ALWAYS AS (LOWER(display_name));
ALTER TABLE app_user ADD COLUMN first_key VARCHAR GENERATED ALWAYS AS (LOWER(first_name));
ALTER TABLE app_user ADD COLUMN last_key VARCHAR GENERATED ALWAYS AS (LOWER(last_name));
ALTER TABLE app_user ADD COLUMN is_admin BOOLEAN GENERATED ALWAYS AS (directory_role <> 'NONE');

-- H2 turns LIKE 'prefix%' into a range of these (user_name_key has app_user_upn_idx).
CREATE INDEX app_user_display_key_idx ON app_user (customer_id, display_key);
CREATE INDEX app_user_first_key_idx ON app_user (customer_id, first_key);
CREATE INDEX app_user_last_key_idx ON app_user (customer_id, last_key);

-- H2 reads an index forwards only: Last pages (read from the end) need the descending twins of the sort indexes.
CREATE INDEX app_user_display_desc_idx ON app_user (customer_id, display_name DESC, id DESC);
CREATE INDEX app_user_upn_desc_idx ON app_user (customer_id, user_name_key DESC);

-- H2 has no partial indexes; administrators are few, so their page is read by this and sorted.
CREATE INDEX app_user_admins_idx ON app_user (customer_id, is_admin);
