-- Locks the end of the chain until the transaction ends; a waiter then reads the head its holder left.
SELECT last_id, last_hash FROM audit_head WHERE singleton = 1 FOR UPDATE
