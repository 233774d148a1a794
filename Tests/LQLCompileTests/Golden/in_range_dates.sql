-- Order | where orderDate in @2025-01-01..@2025-04-01 | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."order_date" >= $2::date AND t."order_date" < $3::date;
-- $1 = tenant
-- $2 = '2025-01-01'::date
-- $3 = '2025-04-01'::date
-- columns: number
