-- Chinese names in pinyin order (陈 Chen, 李 Li, 刘 Liu, 王 Wang, 张 Zhang), as a Chinese reader looks for them,
-- rather than the root collation's radical-and-stroke order; Latin and Cyrillic keep Unicode's order, and the
-- scripts come Latin, Cyrillic, then Chinese. ICU's Chinese collation with its scripts reordered does exactly that.
-- db/vendor/h2/V12__chinese_names_by_pinyin.sql gives H2 the same order.
CREATE COLLATION IF NOT EXISTS seatwise_names (provider = icu, locale = 'zh-u-kr-latn-cyrl-hani');

ALTER TABLE app_user DROP COLUMN display_sort;
ALTER TABLE app_user ADD COLUMN display_sort VARCHAR COLLATE seatwise_names GENERATED ALWAYS AS (display_name) STORED;

CREATE INDEX app_user_display_idx ON app_user (customer_id, display_sort, id);
CREATE INDEX app_user_admins_idx ON app_user (customer_id, display_sort, id) WHERE is_admin AND deleted_at IS NULL;
CREATE INDEX app_user_blocked_idx ON app_user (customer_id, display_sort, id)
    WHERE sign_in_blocked AND deleted_at IS NULL;
CREATE INDEX app_user_deleted_list_idx ON app_user (customer_id, display_sort, id) WHERE deleted_at IS NOT NULL;
