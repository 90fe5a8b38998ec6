-- SCIM User attributes Seatwise keeps only for provisioning (issue 14, point 3): the core User's userType, title,
-- nickName and name's middleName/honorificPrefix/honorificSuffix, the enterprise extension's
-- (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User) employeeNumber, costCenter, organization, division,
-- department and manager.value, and the emails the identity provider sends. Owned by the scim module; written as a
-- whole at each POST/PUT/PATCH, read a page of users at a time, gone with the user when it is purged.
-- Tables, not a JSON column: filters (EXISTS on these rows) stay plain SQL on H2 and PostgreSQL alike.
CREATE TABLE scim_user_profile (
    customer_id      UUID          NOT NULL,
    user_id          UUID          NOT NULL,
    user_type        VARCHAR(256),
    title            VARCHAR(256),
    nick_name        VARCHAR(256),
    middle_name      VARCHAR(256),
    honorific_prefix VARCHAR(256),
    honorific_suffix VARCHAR(256),
    employee_number  VARCHAR(256),
    cost_center      VARCHAR(256),
    organization     VARCHAR(256),
    division         VARCHAR(256),
    department       VARCHAR(256),
    manager_id       VARCHAR(256),
    PRIMARY KEY (customer_id, user_id),
    FOREIGN KEY (customer_id, user_id) REFERENCES app_user (customer_id, id) ON DELETE CASCADE
);
-- address_key is the address lower-cased (emails compare without case, RFC 7643 §4.1.2): emails.value eq is a probe.
CREATE TABLE scim_user_email (
    customer_id UUID          NOT NULL,
    user_id     UUID          NOT NULL,
    seq         INT           NOT NULL,
    address     VARCHAR(320)  NOT NULL,
    address_key VARCHAR(320)  NOT NULL,
    email_type  VARCHAR(64),
    is_primary  BOOLEAN       NOT NULL,
    PRIMARY KEY (customer_id, user_id, seq),
    FOREIGN KEY (customer_id, user_id) REFERENCES app_user (customer_id, id) ON DELETE CASCADE
);
CREATE INDEX scim_user_email_value_idx ON scim_user_email (customer_id, address_key);
