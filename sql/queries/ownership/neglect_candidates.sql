-- Owned files last touched before $1 (a date): neither an activity on or after it nor a change to the file
-- (an edit, an assignment, a handover) since $2 (the start of that date, in ms).
SELECT id, owner_id, last_activity, updated_at
FROM (SELECT c.id, c.owner_id, c.updated_at,
             (SELECT max(a.date) FROM activities a WHERE a.customer_id = c.id) AS last_activity
      FROM customers c WHERE c.owner_id IS NOT NULL) t
WHERE (last_activity IS NULL OR last_activity < $1) AND updated_at < $2
ORDER BY id
