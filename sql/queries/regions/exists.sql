SELECT count(*) FROM regions WHERE code = $1
