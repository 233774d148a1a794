-- Order | sort total desc | take 20 | where status == PENDING
SELECT t2."id",
       t2."number",
       t2."customer_id" AS "customerId",
       t2."portal_user_id" AS "portalUserId",
       t2."sales_rep_id" AS "salesRepId",
       t2."status",
       t2."order_date" AS "orderDate",
       t2."delivery_date" AS "deliveryDate",
       t2."total",
       t2."currency"
FROM (
  SELECT t.*
  FROM "orders" AS t
  WHERE t."tenant_id" = $1
  ORDER BY t."total" DESC NULLS LAST
  LIMIT $2::bigint
) AS t2
WHERE t2."status" = $3::"OrderStatus"
ORDER BY t2."total" DESC NULLS LAST;
-- $1 = tenant
-- $2 = '20'::bigint
-- $3 = 'PENDING'::"OrderStatus"
-- columns: id, number, customerId, portalUserId, salesRepId, status, orderDate, deliveryDate, total, currency
