SELECT pg_advisory_lock(7306510)
