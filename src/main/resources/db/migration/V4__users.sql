-- User accounts of a customer. user_name_key (lower case) keeps user names unique across the system.
CREATE TABLE app_user (
    customer_id          UUID          NOT NULL REFERENCES customer (id),
    id                   UUID          NOT NULL,
    user_principal_name  VARCHAR(113)  NOT NULL,
    user_name_key        VARCHAR(113)  NOT NULL,
    first_name           VARCHAR(50),
    last_name            VARCHAR(50),
    display_name         VARCHAR(256)  NOT NULL,
    usage_location       CHAR(2),
    directory_role       VARCHAR(30)   NOT NULL DEFAULT 'NONE'
        CHECK (directory_role IN ('NONE', 'GLOBAL_ADMIN', 'USER_ADMIN', 'HELPDESK_ADMIN', 'BILLING_ADMIN')),
    sign_in_blocked      BOOLEAN       NOT NULL DEFAULT FALSE,
    password_hash        VARCHAR(255),
    password_expires_at  TIMESTAMP WITH TIME ZONE,
    must_change_password BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at           TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (customer_id, id),
    CONSTRAINT app_user_name_unique UNIQUE (user_name_key)
);
CREATE INDEX app_user_display_idx ON app_user (customer_id, display_name, id);
CREATE INDEX app_user_upn_idx ON app_user (customer_id, user_name_key);

-- A user's license for one product. SUSPENDED (user deleted) holds no seat.
CREATE TABLE license_assignment (
    customer_id  UUID         NOT NULL,
    user_id      UUID         NOT NULL,
    sku_id       UUID         NOT NULL,
    state        VARCHAR(10)  NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'SUSPENDED')),
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (customer_id, user_id, sku_id),
    FOREIGN KEY (customer_id, user_id) REFERENCES app_user (customer_id, id),
    FOREIGN KEY (customer_id, sku_id) REFERENCES subscription (customer_id, sku_id)
);
CREATE INDEX license_assignment_sku_idx ON license_assignment (customer_id, sku_id, user_id);

-- Service plans switched off within one assignment (changing them takes no extra seat).
CREATE TABLE license_disabled_plan (
    customer_id      UUID  NOT NULL,
    user_id          UUID  NOT NULL,
    sku_id           UUID  NOT NULL,
    service_plan_id  UUID  NOT NULL REFERENCES service_plan (service_plan_id),
    PRIMARY KEY (customer_id, user_id, sku_id, service_plan_id),
    FOREIGN KEY (customer_id, user_id, sku_id) REFERENCES license_assignment (customer_id, user_id, sku_id) ON DELETE CASCADE
);
