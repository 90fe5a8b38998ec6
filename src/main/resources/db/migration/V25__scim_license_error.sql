-- Licenses provisioning could not give (issue 14, point 4): the failures of the last time a customer's identity
-- provider set a user's licenses, shown on the SCIM resource (licenseErrors) and the customer's Provisioning tab.
-- Replaced as a whole at each provisioning of the user's licenses; gone with the user when it is purged.
-- product is the part number of sku_id, or the value the identity provider sent when it names no subscribed
-- product; service_plans and products are the failure's plan and product ids, comma-separated, in their order.
CREATE TABLE scim_license_error (
    customer_id   UUID           NOT NULL,
    user_id       UUID           NOT NULL,
    seq           INT            NOT NULL,
    code          VARCHAR(64)    NOT NULL,
    sku_id        UUID,
    product       VARCHAR(256)   NOT NULL,
    message       VARCHAR(2000)  NOT NULL,
    service_plans VARCHAR(2000)  NOT NULL,
    products      VARCHAR(2000)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, user_id, seq),
    FOREIGN KEY (customer_id, user_id) REFERENCES app_user (customer_id, id) ON DELETE CASCADE
);
CREATE INDEX scim_license_error_recent_idx ON scim_license_error (customer_id, created_at);
