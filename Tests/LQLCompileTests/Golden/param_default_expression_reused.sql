-- Order | where orderDate >= $since and (deliveryDate ?? orderDate) >= $since | select number
SELECT t."number"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."order_date" >= current_date::timestamptz - $2::interval AND COALESCE(t."delivery_date", t."order_date") >= current_date::timestamptz - $2::interval;
-- $1 = tenant
-- $2 = '90 days'::interval
-- columns: number
