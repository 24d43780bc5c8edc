-- The conditions shared by both forms of the customer filter (filter_all, filter_text): the filters the
-- reader chose ($5..$10, $13, $14 the credit grade, $15 a JSON array of ids) and the reader's scope ($11
-- region, $12 owner; SPEC SE-2).
  AND ($5::text IS NULL OR c.region = $5)
  AND ($6::bigint IS NULL OR c.owner_id = $6)
  AND ($7::text IS NULL OR c.kind = $7)
  AND ($8::text IS NULL OR c.lifecycle = $8)
  AND ($9::text IS NULL OR c.importance = $9)
  AND ($10::text IS NULL OR c.nature = $10)
  AND ($11::text IS NULL OR c.region = $11)
  AND ($12::bigint IS NULL OR c.owner_id = $12)
  AND ($13::bigint IS NULL OR c.owner_id IS NULL)
  AND ($14::text IS NULL OR c.id IN (SELECT a.customer_id FROM credit_accounts a WHERE a.grade = $14))
  AND ($15::text IS NULL OR c.id IN (SELECT json_array_elements_text($15::json)::bigint))
