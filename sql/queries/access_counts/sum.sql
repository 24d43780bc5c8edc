SELECT COALESCE(SUM(reads), 0), COALESCE(SUM(exports), 0)
FROM access_counts WHERE user_id = $1 AND day >= $2 AND day < $3
