-- At most seatwise.limits.imports-per-customer imports of one customer run at once, across every node: a row per
-- import checked or created in a request (queued and running import jobs are counted in job). The gate row of a
-- customer is locked while a slot is taken, so two nodes cannot both take the last one. A slot of a node that died
-- mid-import is given back when it expires.
CREATE TABLE import_gate (
    customer_id  UUID  NOT NULL PRIMARY KEY REFERENCES customer (id)
);

CREATE TABLE import_slot (
    customer_id  UUID                      NOT NULL,
    id           UUID                      NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE  NOT NULL,
    PRIMARY KEY (customer_id, id)
);
