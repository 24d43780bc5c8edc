UPDATE credit_accounts SET disarmed_levels = $2 WHERE customer_id = $1
