-- The change that last assigned a license (undo removes only what is still that change's).
ALTER TABLE license_assignment ADD COLUMN change_id UUID;

-- A stored license change: the "Licenses updated" confirmation, or the undo of one.
CREATE TABLE license_change (
    customer_id  UUID          NOT NULL REFERENCES customer (id),
    id           UUID          NOT NULL,
    kind         VARCHAR(10)   NOT NULL CHECK (kind IN ('APPLY', 'UNDO')),
    undo_of      UUID,
    undone_by    UUID,
    created_by   VARCHAR(254)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    assign_spec  VARCHAR(20000) NOT NULL,
    remove_spec  VARCHAR(4000)  NOT NULL,
    selected     INTEGER       NOT NULL,
    succeeded    INTEGER       NOT NULL,
    failed       INTEGER       NOT NULL,
    PRIMARY KEY (customer_id, id)
);
CREATE INDEX license_change_time_idx ON license_change (customer_id, created_at DESC);

-- Per selected user: succeeded (status 0) or failed (1) with the first error; all errors in errors.
-- grp: users of one change sharing one spec (an undo reverts different users differently).
CREATE TABLE license_change_user (
    customer_id  UUID          NOT NULL,
    change_id    UUID          NOT NULL,
    user_id      UUID          NOT NULL,
    seq          INTEGER       NOT NULL,
    grp          INTEGER       NOT NULL,
    status       SMALLINT      NOT NULL,
    error_code   VARCHAR(40),
    error_sku    UUID,
    errors       VARCHAR(2000),
    -- One index only: 100,000 rows are written per bulk change. Lookups by user go through IN (subquery).
    PRIMARY KEY (customer_id, change_id, seq)
);

-- What a succeeded user had before the change, for each product the change removed or re-planned (for undo).
CREATE TABLE license_change_prior (
    customer_id  UUID  NOT NULL,
    change_id    UUID  NOT NULL,
    user_id      UUID  NOT NULL,
    sku_id       UUID  NOT NULL,
    PRIMARY KEY (customer_id, change_id, user_id, sku_id)
);
CREATE TABLE license_change_prior_plan (
    customer_id      UUID  NOT NULL,
    change_id        UUID  NOT NULL,
    user_id          UUID  NOT NULL,
    sku_id           UUID  NOT NULL,
    service_plan_id  UUID  NOT NULL,
    PRIMARY KEY (customer_id, change_id, user_id, sku_id, service_plan_id)
);
