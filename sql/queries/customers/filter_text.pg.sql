FROM (SELECT customer_id AS id FROM customer_grams
      WHERE gram = $2 AND ($3::text IS NULL OR customer_id IN (SELECT customer_id FROM customer_grams WHERE gram = $3))
      UNION SELECT id FROM customers WHERE code = upper($1)
      UNION SELECT id FROM customers WHERE $4::text IS NOT NULL AND phone_digits >= $4 AND phone_digits < $4 || ':'
      UNION SELECT id FROM customers WHERE $2::text IS NULL AND strpos(search_text, $1) > 0) hits
JOIN customers c ON c.id = hits.id
LEFT JOIN users u ON u.id = c.owner_id
WHERE (strpos(c.search_text, $1) > 0 OR c.code = upper($1)
       OR ($4::text IS NOT NULL AND c.phone_digits >= $4 AND c.phone_digits < $4 || ':'))
{CONDITIONS}
