-- Failed sign-ins (architecture.md, Security): one row per account name tried and per source address, kept here and
-- not in one JVM so that every node counts the same failures and honours the same locks. An account's subject is
-- 'account:' and the SHA-256 of its normalised name (a name field sometimes receives a password, which must not be
-- stored readable); an address's is 'address:' and the address. A row goes when its failures are older than the
-- failure reset time and its lock is over (access.SignInLockout deletes them), or at the account's next sign-in.
CREATE TABLE sign_in_failure (
    subject       VARCHAR(200)              NOT NULL PRIMARY KEY,
    failures      INTEGER                   NOT NULL,
    last_failure  TIMESTAMP WITH TIME ZONE  NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_failure_last_idx ON sign_in_failure (last_failure);
