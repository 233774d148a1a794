-- Sku | where unitsPerCase in [6, 12, 24] | select code
SELECT t."code"
FROM "skus" AS t
WHERE t."tenant_id" = $1
  AND t."units_per_case" = ANY($2::integer[]);
-- $1 = tenant
-- $2 = '{"6","12","24"}'::integer[]
-- columns: code
