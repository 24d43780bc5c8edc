INSERT INTO job_runs (job, as_of, server, started_at) VALUES ($1, $2, $3, $4)
ON CONFLICT DO NOTHING
RETURNING job
