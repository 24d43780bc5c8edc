INSERT INTO access_counts (user_id, day, reads, exports) VALUES ($1, $2, $3, $4)
ON CONFLICT (user_id, day) DO UPDATE
SET reads = access_counts.reads + excluded.reads, exports = access_counts.exports + excluded.exports
RETURNING reads, exports
