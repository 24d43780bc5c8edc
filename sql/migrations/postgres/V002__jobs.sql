-- Runs of the periodic jobs: one row per job and date; its key is what makes a job run at most once per
-- date across every server.
CREATE TABLE job_runs (
    job        TEXT NOT NULL,
    as_of      TEXT NOT NULL,
    server     TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    PRIMARY KEY (job, as_of)
);
