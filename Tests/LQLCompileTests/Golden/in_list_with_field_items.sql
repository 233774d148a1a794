-- Order | where deliveryDate in [orderDate, @2025-03-01] | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."delivery_date" IN (t."order_date", $2::timestamptz);
-- $1 = tenant
-- $2 = '2025-03-01'::timestamptz
-- columns: number
