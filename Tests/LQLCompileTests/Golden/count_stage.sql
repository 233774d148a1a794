-- Order | where status == PENDING | count
SELECT count(*) AS "count"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."status" = $2::"OrderStatus";
-- $1 = tenant
-- $2 = 'PENDING'::"OrderStatus"
-- columns: count
