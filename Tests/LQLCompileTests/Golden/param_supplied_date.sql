-- Order | where orderDate >= $since | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."order_date" >= $2::timestamptz;
-- $1 = tenant
-- $2 = '2025-02-01'::timestamptz
-- columns: number
