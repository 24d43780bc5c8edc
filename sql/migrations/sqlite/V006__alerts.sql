-- The alerts inbox (SPEC RP-5) and the daily access counts that leak detection (SE-4) compares.
-- Timestamps are milliseconds since the Unix epoch (UTC); dates are 'YYYY-MM-DD' text.

-- One row per recipient and alert. An alert is raised once per (user, kind, dedupe): a job run twice,
-- or two servers noticing the same thing, leave one row. `day` is the date the alert is about (the day a
-- file returns to the pool, the day of an unusual access count); `params` is a JSON object with the
-- figures the message shows, rendered by the reader's interface in its language.
CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id),
    kind            TEXT NOT NULL,
    dedupe          TEXT NOT NULL,
    customer_id     INTEGER REFERENCES customers (id),
    subject_user_id INTEGER REFERENCES users (id),
    day             TEXT NOT NULL,
    params          TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    read_at         INTEGER,
    UNIQUE (user_id, kind, dedupe)
);
CREATE INDEX alerts_inbox ON alerts (user_id, id);

-- The notices of V005 were the first alerts: the pool-return notices move into the inbox.
INSERT INTO alerts (user_id, kind, dedupe, customer_id, subject_user_id, day, params, created_at, read_at)
SELECT user_id, kind, customer_id || '/' || due, customer_id, NULL, due, '{}', created_at, NULL FROM notices;
DROP TABLE notices;

-- Per user and day (UTC): the customer files read (opened, their history or contacts) and the rows
-- exported. Reads are counted in memory and added here every few seconds; exports as they happen.
CREATE TABLE access_counts (
    user_id INTEGER NOT NULL REFERENCES users (id),
    day     TEXT NOT NULL,
    reads   INTEGER NOT NULL,
    exports INTEGER NOT NULL,
    PRIMARY KEY (user_id, day)
) WITHOUT ROWID;

INSERT INTO policies (key, value, updated_at, updated_by) VALUES
    ('leak.multiple', '5', 0, NULL),
    ('leak.min_count', '50', 0, NULL),
    ('leak.absolute_reads', '1000', 0, NULL),
    ('leak.absolute_exports', '1000', 0, NULL);
