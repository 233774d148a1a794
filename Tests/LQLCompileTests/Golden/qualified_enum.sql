-- Order | where status == OrderStatus.FULFILLED | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" = $2::"OrderStatus";
-- $1 = tenant
-- $2 = 'FULFILLED'::"OrderStatus"
-- columns: number
