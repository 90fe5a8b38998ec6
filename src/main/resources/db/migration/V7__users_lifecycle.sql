-- A deleted user gives up its user name (user_name_key becomes NULL) so the name can be taken meanwhile;
-- restore takes it back, or reports UserNameConflict. NULLs do not collide in the unique constraint.
ALTER TABLE app_user ALTER COLUMN user_name_key DROP NOT NULL;
-- The scheduled purge reads users past retention across customers; the deleted list and its count use it too.
CREATE INDEX app_user_deleted_idx ON app_user (deleted_at, customer_id);

-- Secrets the application generates for itself at first start (the key of temporary-password hashes and of
-- password sheets), unless configuration gives them.
CREATE TABLE app_secret (
    name        VARCHAR(40)   NOT NULL PRIMARY KEY,
    secret      VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Temporary passwords of users just created or reset, encrypted, until they are downloaded or sent by mail
-- (each once) or expire: the confirmation's "download CSV" and "email" of product.md.
CREATE TABLE password_sheet (
    customer_id  UUID          NOT NULL REFERENCES customer (id),
    id           UUID          NOT NULL,
    created_by   VARCHAR(254)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    entries      INTEGER       NOT NULL,
    downloaded   BOOLEAN       NOT NULL DEFAULT FALSE,
    emailed      BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (customer_id, id)
);
-- Entries are sealed a group at a time (up to 250 users a row): one AES-GCM pass and one row per group.
CREATE TABLE password_sheet_entry (
    customer_id  UUID              NOT NULL,
    sheet_id     UUID              NOT NULL,
    seq          INTEGER           NOT NULL,
    sealed       VARCHAR(1000000)  NOT NULL,
    PRIMARY KEY (customer_id, sheet_id, seq),
    FOREIGN KEY (customer_id, sheet_id) REFERENCES password_sheet (customer_id, id) ON DELETE CASCADE
);

-- ShedLock's table: scheduled work runs on one instance at a time.
CREATE TABLE shedlock (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by   VARCHAR(255)  NOT NULL
);
