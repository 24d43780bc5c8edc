-- The alerts inbox (SPEC RP-5) and the daily access counts that leak detection (SE-4) compares.
-- The same tables as the SQLite schema, column for column.

CREATE TABLE alerts (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users (id),
    kind            TEXT NOT NULL,
    dedupe          TEXT NOT NULL,
    customer_id     BIGINT REFERENCES customers (id),
    subject_user_id BIGINT REFERENCES users (id),
    day             TEXT NOT NULL,
    params          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    read_at         BIGINT,
    UNIQUE (user_id, kind, dedupe)
);
CREATE INDEX alerts_inbox ON alerts (user_id, id);

INSERT INTO alerts (user_id, kind, dedupe, customer_id, subject_user_id, day, params, created_at, read_at)
SELECT user_id, kind, customer_id || '/' || due, customer_id, NULL, due, '{}', created_at, NULL FROM notices;
DROP TABLE notices;

CREATE TABLE access_counts (
    user_id BIGINT NOT NULL REFERENCES users (id),
    day     TEXT NOT NULL,
    reads   BIGINT NOT NULL,
    exports BIGINT NOT NULL,
    PRIMARY KEY (user_id, day)
);

INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('leak.multiple', '5', 0, NULL),
    ('leak.min_count', '50', 0, NULL),
    ('leak.absolute_reads', '1000', 0, NULL),
    ('leak.absolute_exports', '1000', 0, NULL);
