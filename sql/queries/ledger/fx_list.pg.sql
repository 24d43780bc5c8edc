SELECT currency, day, rate_e8, updated_at, updated_by FROM fx_rates
WHERE ($1::text IS NULL OR currency = $1::text)
ORDER BY currency, day DESC
LIMIT 500
