-- Order | where PENDING == status | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND $2::"OrderStatus" = t."status";
-- $1 = tenant
-- $2 = 'PENDING'::"OrderStatus"
-- columns: number
