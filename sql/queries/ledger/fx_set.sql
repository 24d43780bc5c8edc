INSERT INTO fx_rates (currency, day, rate_e8, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (currency, day) DO UPDATE
SET rate_e8 = excluded.rate_e8, updated_at = excluded.updated_at, updated_by = excluded.updated_by
