-- Order | where orderDate in @2025-01-01..@2025-04-01 | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."order_date" >= $2::timestamptz AND t."order_date" < $3::timestamptz;
-- $1 = tenant
-- $2 = '2025-01-01'::timestamptz
-- $3 = '2025-04-01'::timestamptz
-- columns: number
