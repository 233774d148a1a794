-- Order | where status == $status and total > $min | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" = $2::"OrderStatus" AND t."total" > $3::numeric;
-- $1 = tenant
-- $2 = 'PENDING'::"OrderStatus"
-- $3 = '100'::numeric
-- columns: number
