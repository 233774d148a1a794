-- Order | where total in 100..1_000 | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."total" >= $2::integer AND t."total" < $3::integer;
-- $1 = tenant
-- $2 = '100'::integer
-- $3 = '1000'::integer
-- columns: number
