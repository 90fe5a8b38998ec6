-- Chinese names in pinyin order, as db/vendor/postgresql/V12__chinese_names_by_pinyin.sql: the sort key of a name
-- that starts with a Chinese character now comes from Java's Chinese collation (io.seatwise.shared.SortKeys).
-- The generated column is made again so every stored key is computed by the new rule.
DROP INDEX app_user_display_idx;
DROP INDEX app_user_display_desc_idx;
ALTER TABLE app_user DROP COLUMN display_sort;
ALTER TABLE app_user ADD COLUMN display_sort VARCHAR GENERATED ALWAYS AS (SEATWISE_SORT_KEY(display_name));
CREATE INDEX app_user_display_idx ON app_user (customer_id, display_sort, id);
CREATE INDEX app_user_display_desc_idx ON app_user (customer_id, display_sort DESC, id DESC);
