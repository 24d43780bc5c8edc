INSERT INTO sequences (key, last_value) VALUES ($1, 1)
ON CONFLICT (key) DO UPDATE SET last_value = sequences.last_value + 1
RETURNING last_value
