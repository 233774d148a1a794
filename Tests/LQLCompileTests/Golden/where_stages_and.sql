-- Order
SELECT t."id",
       t."number",
       t."customer_id" AS "customerId",
       t."portal_user_id" AS "portalUserId",
       t."sales_rep_id" AS "salesRepId",
       t."status",
       t."order_date" AS "orderDate",
       t."delivery_date" AS "deliveryDate",
       t."total",
       t."currency"
FROM "orders" AS t
WHERE t."tenant_id" = $1
  AND t."total" > $2::integer
  AND t."status" <> $3::"OrderStatus";
-- $1 = tenant
-- $2 = '100'::integer
-- $3 = 'CANCELLED'::"OrderStatus"
-- columns: id, number, customerId, portalUserId, salesRepId, status, orderDate, deliveryDate, total, currency
