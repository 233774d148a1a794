-- Product | where category in ["Wine", "Spirits"] | select name
SELECT t."name"
FROM "products" AS t
WHERE t."tenant_id" = $1
  AND t."category" = ANY($2::text[]);
-- $1 = tenant
-- $2 = '{"Wine","Spirits"}'::text[]
-- columns: name
