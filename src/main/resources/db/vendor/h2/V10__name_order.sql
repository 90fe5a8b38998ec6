-- Names sorted as people expect (issue 5: Cyrillic and Chinese names sorted correctly), H2. H2 compares strings by
-- their characters; display_sort is a sort key computed by Java's collation (io.seatwise.shared.SortKeys), kept by
-- the database itself as a generated column. db/vendor/postgresql/V10__name_order.sql does the same with ICU.
CREATE ALIAS IF NOT EXISTS SEATWISE_SORT_KEY DETERMINISTIC FOR 'io.seatwise.shared.SortKeys.of';
ALTER TABLE app_user ADD COLUMN display_sort VARCHAR GENERATED ALWAYS AS (SEATWISE_SORT_KEY(display_name));

DROP INDEX app_user_display_idx;
DROP INDEX app_user_display_desc_idx;
CREATE INDEX app_user_display_idx ON app_user (customer_id, display_sort, id);
CREATE INDEX app_user_display_desc_idx ON app_user (customer_id, display_sort DESC, id DESC);
