SELECT pg_advisory_unlock(7306510)
