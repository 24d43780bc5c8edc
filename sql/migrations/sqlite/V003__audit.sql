-- The audit log (SPEC SE-3): append-only, each entry hashing the one before it (app/audit_chain.hpp).
-- Ids are given by the appender — the previous entry's id + 1, under the head's lock — because the hash
-- covers the id; so they have no gaps and a removed entry is named by Verify.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    actor_id   INTEGER,
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT,
    details    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
-- No secondary indexes: every append would pay for them, while listing (newest first, by id) and
-- verifying (in id order) walk the primary key.

-- The end of the chain: the last entry's id and hash. Appends read and advance it in their transaction,
-- and Verify compares it with the log, so that entries cut off the end are found too.
CREATE TABLE audit_head (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    last_id   INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (singleton, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: entries cannot be deleted');
END;
