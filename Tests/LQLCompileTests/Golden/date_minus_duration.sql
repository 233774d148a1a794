-- Order | where orderDate >= today() - 1 month | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."order_date" >= current_date::timestamptz - $2::interval;
-- $1 = tenant
-- $2 = '1 months'::interval
-- columns: number
