-- Activity log: one row per change (a bulk change is one row with counts).
CREATE TABLE activity_log (
    id           UUID           NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(254)   NOT NULL,
    customer_id  UUID,
    action       VARCHAR(60)    NOT NULL,
    details      VARCHAR(4000)  NOT NULL
);
CREATE INDEX activity_log_time_idx ON activity_log (occurred_at DESC, id);
CREATE INDEX activity_log_customer_idx ON activity_log (customer_id, occurred_at DESC);
