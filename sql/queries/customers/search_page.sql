SELECT c.id, c.code, c.kind, c.name, c.region, c.owner_id, u.display_name, c.phone, c.lifecycle, c.importance,
       c.nature, c.completeness, c.version, c.updated_at, count(*) OVER () AS total
{FILTER}
{ORDER}
LIMIT $16 OFFSET $17
