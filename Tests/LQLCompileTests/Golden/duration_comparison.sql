-- Order | where deliveryDate - orderDate > 14 days | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."delivery_date" - t."order_date" > $2::interval;
-- $1 = tenant
-- $2 = '14 days'::interval
-- columns: number
