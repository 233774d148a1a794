-- Order | where deliveryDate is not null | select number, leadTime: deliveryDate - orderDate
SELECT t."number",
       t."delivery_date" - t."order_date" AS "leadTime"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."delivery_date" IS NOT NULL;
-- $1 = tenant
-- columns: number, leadTime
