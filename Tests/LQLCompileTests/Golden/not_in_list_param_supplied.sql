-- Order | where status not in $excluded | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" <> ALL($2::"OrderStatus"[]);
-- $1 = tenant
-- $2 = '{"DRAFT","CANCELLED"}'::"OrderStatus"[]
-- columns: count
