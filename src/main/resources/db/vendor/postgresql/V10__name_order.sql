-- Names sorted as people expect (issue 5: Cyrillic and Chinese names sorted correctly), PostgreSQL. The database's
-- own collation may be C (code point order: "Zoe" before "anna", "Ёлкин" before "Анна"); display_sort is the
-- display name under ICU's root collation (Unicode's default order), and the list's indexes sort by it.
-- db/vendor/h2/V10__name_order.sql gives H2 the same order.
ALTER TABLE app_user ADD COLUMN display_sort VARCHAR COLLATE "und-x-icu" GENERATED ALWAYS AS (display_name) STORED;

DROP INDEX app_user_display_idx;
DROP INDEX app_user_admins_idx;
DROP INDEX app_user_blocked_idx;
DROP INDEX app_user_deleted_list_idx;
CREATE INDEX app_user_display_idx ON app_user (customer_id, display_sort, id);
CREATE INDEX app_user_admins_idx ON app_user (customer_id, display_sort, id) WHERE is_admin AND deleted_at IS NULL;
CREATE INDEX app_user_blocked_idx ON app_user (customer_id, display_sort, id)
    WHERE sign_in_blocked AND deleted_at IS NULL;
CREATE INDEX app_user_deleted_list_idx ON app_user (customer_id, display_sort, id) WHERE deleted_at IS NOT NULL;
