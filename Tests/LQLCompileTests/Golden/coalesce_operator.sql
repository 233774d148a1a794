-- Order | select number, due: deliveryDate ?? orderDate
SELECT t."number",
       COALESCE(t."delivery_date", t."order_date") AS "due"
FROM "orders" AS t
WHERE t."tenant_id" = $1;
-- $1 = tenant
-- columns: number, due
