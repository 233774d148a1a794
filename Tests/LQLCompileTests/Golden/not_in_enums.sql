-- Order | where status not in [CANCELLED, DRAFT] | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" <> ALL($2::"OrderStatus"[]);
-- $1 = tenant
-- $2 = '{"CANCELLED","DRAFT"}'::"OrderStatus"[]
-- columns: number
