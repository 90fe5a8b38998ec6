-- Catalog: products (SKUs), their service plans, and the rules Microsoft's tables lack.
CREATE TABLE product (
    sku_id           UUID         NOT NULL PRIMARY KEY,
    sku_part_number  VARCHAR(200) NOT NULL,
    product_name     VARCHAR(300) NOT NULL
);
CREATE INDEX product_part_number_idx ON product (sku_part_number);

CREATE TABLE service_plan (
    service_plan_id  UUID         NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    friendly_name    VARCHAR(300)
);
CREATE INDEX service_plan_name_idx ON service_plan (name);

-- The same plan can appear in many products; names as the source gives them per product.
CREATE TABLE product_service_plan (
    sku_id           UUID         NOT NULL REFERENCES product (sku_id),
    service_plan_id  UUID         NOT NULL REFERENCES service_plan (service_plan_id),
    name             VARCHAR(200) NOT NULL,
    friendly_name    VARCHAR(300),
    PRIMARY KEY (sku_id, service_plan_id)
);

-- Microsoft's "service plans that cannot be assigned at the same time": plans of one group exclude each other.
CREATE TABLE plan_exclusion (
    group_no         INTEGER      NOT NULL,
    service_plan_id  UUID         NOT NULL REFERENCES service_plan (service_plan_id),
    service          VARCHAR(200),
    PRIMARY KEY (group_no, service_plan_id)
);

-- A plan that needs at least one of the listed plans enabled for the same user.
CREATE TABLE plan_dependency (
    service_plan_id           UUID NOT NULL REFERENCES service_plan (service_plan_id),
    required_service_plan_id  UUID NOT NULL REFERENCES service_plan (service_plan_id),
    source                    VARCHAR(500),
    PRIMARY KEY (service_plan_id, required_service_plan_id)
);

-- Where a product is offered: offered = TRUE rows make an allow-list, offered = FALSE rows a deny-list.
CREATE TABLE product_country_rule (
    sku_id   UUID       NOT NULL REFERENCES product (sku_id),
    country  CHAR(2)    NOT NULL,
    offered  BOOLEAN    NOT NULL,
    source   VARCHAR(500),
    PRIMARY KEY (sku_id, country)
);
