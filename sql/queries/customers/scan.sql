SELECT c.id, c.snapshot {FILTER} {ORDER}
