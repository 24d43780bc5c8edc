-- The audit log (SPEC SE-3): append-only, each entry hashing the one before it (app/audit_chain.hpp).
-- Ids are given by the appender — the previous entry's id + 1, under the head's row lock — because the
-- hash covers the id; so they have no gaps and a removed entry is named by Verify.
CREATE TABLE audit_log (
    id         BIGINT PRIMARY KEY,
    at         BIGINT NOT NULL,
    actor_id   BIGINT,
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

-- The end of the chain: the last entry's id and hash. An append locks this row (SELECT … FOR UPDATE)
-- before it reads the last hash, which serializes appending transactions across every server; Verify
-- compares it with the log, so that entries cut off the end are found too.
CREATE TABLE audit_head (
    singleton BIGINT PRIMARY KEY CHECK (singleton = 1),
    last_id   BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO audit_head (singleton, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
