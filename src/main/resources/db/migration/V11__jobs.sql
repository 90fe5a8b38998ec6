-- Long-running work (architecture.md, "jobs"): a row per job that any instance may claim. A job survives a restart:
-- a running job whose instance stops beating is claimed again by another (or by the same one, restarted).
CREATE TABLE job (
    customer_id     UUID           NOT NULL REFERENCES customer (id),
    id              UUID           NOT NULL,
    kind            VARCHAR(40)    NOT NULL,
    -- DRAFT (kept, waiting to be started), QUEUED, RUNNING, SUCCEEDED, FAILED
    status          VARCHAR(12)    NOT NULL,
    -- who started it (only they see it), and how to act as them again after a restart
    owner_name      VARCHAR(254)   NOT NULL,
    owner_ref       VARCHAR(300)   NOT NULL,
    name            VARCHAR(255),
    params          VARCHAR(100000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE,
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    -- the instance running it, and when it last said it still is
    claimed_by      VARCHAR(80),
    heartbeat_at    TIMESTAMP WITH TIME ZONE,
    attempts        INTEGER        NOT NULL DEFAULT 0,
    step            VARCHAR(40),
    progress_done   BIGINT         NOT NULL DEFAULT 0,
    progress_total  BIGINT         NOT NULL DEFAULT 0,
    result_json     TEXT,
    error_code      VARCHAR(60),
    error_message   VARCHAR(2000),
    PRIMARY KEY (customer_id, id)
);
CREATE INDEX job_queue_idx ON job (status, queued_at);

-- A job's input (an uploaded file), in pieces of up to 1 MiB, read back as a stream.
CREATE TABLE job_payload (
    customer_id  UUID     NOT NULL,
    job_id       UUID     NOT NULL,
    seq          INTEGER  NOT NULL,
    bytes        BYTEA    NOT NULL,
    PRIMARY KEY (customer_id, job_id, seq),
    FOREIGN KEY (customer_id, job_id) REFERENCES job (customer_id, id) ON DELETE CASCADE
);
