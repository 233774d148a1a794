-- Order | where total not in 100..1000 | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND NOT (t."total" >= $2::integer AND t."total" < $3::integer);
-- $1 = tenant
-- $2 = '100'::integer
-- $3 = '1000'::integer
-- columns: number
