-- Order | where status in $statuses | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" = ANY($2::"OrderStatus"[]);
-- $1 = tenant
-- $2 = '{"PENDING","CONFIRMED"}'::"OrderStatus"[]
-- columns: number
