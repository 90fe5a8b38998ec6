-- Customer tenants. Every table owned by a customer is keyed by customer_id first (distribution key).
CREATE TABLE customer (
    id          UUID          NOT NULL PRIMARY KEY,
    name        VARCHAR(100)  NOT NULL,
    name_key    VARCHAR(100)  NOT NULL,
    country     CHAR(2)       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_name_idx ON customer (name_key, id);

-- A domain belongs to one customer only (the global UNIQUE on domain_name).
CREATE TABLE customer_domain (
    customer_id  UUID          NOT NULL REFERENCES customer (id),
    domain_name  VARCHAR(253)  NOT NULL,
    is_default   BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (customer_id, domain_name),
    CONSTRAINT customer_domain_unique UNIQUE (domain_name)
);

-- A seat pool: one subscription per customer and product.
CREATE TABLE subscription (
    customer_id  UUID     NOT NULL REFERENCES customer (id),
    sku_id       UUID     NOT NULL REFERENCES product (sku_id),
    quantity     INTEGER  NOT NULL,
    assigned     INTEGER  NOT NULL DEFAULT 0,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, sku_id),
    CONSTRAINT subscription_quantity_nonneg CHECK (quantity >= 0),
    CONSTRAINT subscription_assigned_nonneg CHECK (assigned >= 0),
    CONSTRAINT subscription_assigned_within_quantity CHECK (assigned <= quantity)
);

-- "Buy more" and quantity changes: who, when, how many.
CREATE TABLE subscription_order (
    customer_id        UUID          NOT NULL,
    id                 UUID          NOT NULL,
    sku_id             UUID          NOT NULL,
    quantity_change    INTEGER       NOT NULL,
    previous_quantity  INTEGER       NOT NULL,
    new_quantity       INTEGER       NOT NULL,
    ordered_by         VARCHAR(254)  NOT NULL,
    ordered_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, id),
    FOREIGN KEY (customer_id, sku_id) REFERENCES subscription (customer_id, sku_id)
);
