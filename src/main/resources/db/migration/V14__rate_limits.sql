-- API rate limits (architecture.md, Security): one Bucket4j token bucket per token, per source address before
-- sign-in, per signed-in person in the console. Kept here, not in one JVM, so every node draws on the same budget.
-- The columns are the ones Bucket4j's JDBC stores read and write: the bucket's serialized state, and when (epoch
-- milliseconds) the bucket is full again and its row may go (the access module deletes expired rows).
CREATE TABLE rate_limit_bucket (
    id          VARCHAR(200) PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);
