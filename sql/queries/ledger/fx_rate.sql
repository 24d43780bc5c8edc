SELECT rate_e8 FROM fx_rates WHERE currency = $1 AND day <= $2 ORDER BY day DESC LIMIT 1
